package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers (Import-Package, Require-Capability, ...) into clauses, honouring quoted
 * strings so that commas and semicolons inside filters and version ranges do not split clauses.
 */
public final class HeaderParser {

    private HeaderParser() {
    }

    /** Parses a header value; {@code null} or blank gives an empty list. */
    public static List<HeaderClause> parse(String header) {
        List<HeaderClause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            if (!clause.isBlank()) {
                clauses.add(parseClause(clause));
            }
        }
        return clauses;
    }

    private static HeaderClause parseClause(String clause) {
        List<String> names = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> directives = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String part : split(clause, ';')) {
            String piece = part.trim();
            if (piece.isEmpty()) {
                continue;
            }
            int eq = indexOfUnquoted(piece, '=');
            if (eq < 0) {
                names.add(piece);
            } else if (eq > 0 && piece.charAt(eq - 1) == ':') {
                directives.put(piece.substring(0, eq - 1).trim(), unquote(piece.substring(eq + 1).trim()));
            } else {
                String key = piece.substring(0, eq).trim();
                int colon = key.indexOf(':');
                if (colon >= 0) {
                    types.put(key.substring(0, colon).trim(), key.substring(colon + 1).trim());
                    key = key.substring(0, colon).trim();
                }
                attributes.put(key, unquote(piece.substring(eq + 1).trim()));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("header clause without a name: " + clause);
        }
        return new HeaderClause(names, attributes, directives, types);
    }

    static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes in header: " + text);
        }
        parts.add(current.toString());
        return parts;
    }

    private static int indexOfUnquoted(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < value.length() - 1; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length() - 1) {
                    c = value.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        return value;
    }
}
