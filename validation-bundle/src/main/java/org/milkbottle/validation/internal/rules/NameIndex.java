package org.milkbottle.validation.internal.rules;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Names to look for in the text of a class's constant pool ({@link ClassPrefix#findNames}), slashed and dotted, indexed by their first eight bytes:
 * nearly every descriptor mentions {@code java/lang/...}, so a first-byte index alone would compare each
 * mention with every {@code java/} name.
 */
final class NameIndex {
    private static final int KEY_BYTES = 8;
    private static final VarHandle LONG_BIG_ENDIAN = MethodHandles
            .byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int SLOTS = 1024;
    private final boolean[] firstBytes = new boolean[128];
    private final long[] keys = new long[SLOTS];
    private final Candidate[][] names = new Candidate[SLOTS][];

    /** One name, with its bytes 8 to 15 (zero-padded) and a mask of those it has, for a quick reject. */
    private record Candidate(byte[] name, long second, long mask) {
        static Candidate of(byte[] name) {
            long second = 0;
            for (int i = KEY_BYTES; i < 2 * KEY_BYTES; i++) {
                second = (second << 8) | (i < name.length ? name[i] & 0xFF : 0);
            }
            int present = Math.max(0, Math.min(KEY_BYTES, name.length - KEY_BYTES));
            return new Candidate(name, second, present == 0 ? 0 : -1L << (8 * (KEY_BYTES - present)));
        }
    }

    NameIndex(List<String> internalNames) {
        for (String name : internalNames) {
            add(name.getBytes(StandardCharsets.US_ASCII));
            add(name.replace('/', '.').getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void add(byte[] name) {
        if (name.length < KEY_BYTES) {
            throw new IllegalArgumentException("guarded names need at least " + KEY_BYTES + " bytes: "
                    + new String(name, StandardCharsets.US_ASCII));
        }
        firstBytes[name[0]] = true;
        long key = key(name, 0);
        int slot = slot(key);
        Candidate[] old = names[slot];
        Candidate[] grown = old == null ? new Candidate[1] : Arrays.copyOf(old, old.length + 1);
        grown[grown.length - 1] = Candidate.of(name);
        keys[slot] = key;
        names[slot] = grown;
    }

    /** The slot of a key: linear probing over a table far larger than the number of keys. */
    private int slot(long key) {
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 54) & (SLOTS - 1);
        while (names[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        return slot;
    }

    private static long key(byte[] bytes, int from) {
        return (long) LONG_BIG_ENDIAN.get(bytes, from);
    }

    boolean mayStartWith(byte b) {
        return b > 0 && firstBytes[b];
    }

    /**
     * The length of the name that starts at {@code from}, or 0. A package name ends in a separator and
     * matches any class inside; a class name must end where the text's name ends (or at {@code $}).
     */
    int match(byte[] text, int from, int end) {
        if (from + KEY_BYTES > end) {
            return 0;
        }
        Candidate[] candidates = names[slot(key(text, from))];
        if (candidates == null) {
            return 0;
        }
        boolean wide = from + 2 * KEY_BYTES <= end;
        long next = wide ? key(text, from + KEY_BYTES) : 0;
        for (Candidate candidate : candidates) {
            byte[] name = candidate.name();
            int stop = from + name.length;
            // the next eight bytes first: "java/lang/String" and "java/lang/instrument/" share a key
            if (wide && (next & candidate.mask()) != candidate.second()) {
                continue;
            }
            if (stop <= end && Arrays.equals(text, from, stop, name, 0, name.length)) {
                byte last = name[name.length - 1];
                if (last == '/' || last == '.' || stop == end || !isNamePart(text[stop])) {
                    return name.length;
                }
            }
        }
        return 0;
    }

    private static boolean isNamePart(byte b) {
        return Character.isLetterOrDigit((char) (b & 0xFF)) || b == '_' || b == '/' || b == '.';
    }
}
