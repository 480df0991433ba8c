package org.milkbottle.marketplace.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Checks a raw query string: every {@code %} starts two hex digits, and the bytes they name are UTF-8. */
final class QueryEncoding {

    private QueryEncoding() {
    }

    /** Null when {@code query} decodes cleanly; else what is wrong with it, for a 400 answer. */
    static String problem(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("[&=]", -1)) {
            ByteBuffer bytes = ByteBuffer.allocate(part.length() * 3);
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c == '%') {
                    if (i + 2 >= part.length() || hex(part.charAt(i + 1)) < 0 || hex(part.charAt(i + 2)) < 0) {
                        return "The query string is not valid percent-encoding: a '%' is not followed by two hex digits (near '"
                                + excerpt(part, i) + "'); encode a literal % as %25.";
                    }
                    bytes.put((byte) (hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2))));
                    i += 2;
                } else {
                    bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            bytes.flip();
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            } catch (CharacterCodingException e) {
                return "The query string's percent-encoded bytes are not UTF-8 (in '" + excerpt(part, 0)
                        + "'); encode text as UTF-8 before percent-encoding it.";
            }
        }
        return null;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static String excerpt(String text, int from) {
        String rest = text.substring(from);
        return rest.length() > 20 ? rest.substring(0, 20) + "…" : rest;
    }
}
