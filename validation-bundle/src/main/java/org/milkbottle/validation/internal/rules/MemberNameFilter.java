package org.milkbottle.validation.internal.rules;

import java.util.Collection;

/**
 * A cheap over-approximation of a set of member names — their lengths with first and last bytes, hashed — so
 * that {@link ClassPrefix#memberNameMayBe} turns few of a class's own member names into strings.
 */
final class MemberNameFilter {
    private final boolean[] shapes = new boolean[1 << 16];

    MemberNameFilter(Collection<String> names) {
        for (String name : names) {
            shapes[shape(name.length(), (byte) name.charAt(0), (byte) name.charAt(name.length() - 1))] = true;
        }
    }

    boolean mayBe(int length, byte first, byte last) {
        return shapes[shape(length, first, last)];
    }

    private static int shape(int length, byte first, byte last) {
        return ((length * 0x3F1 + (first & 0xFF)) * 0x3F1 + (last & 0xFF)) & 0xFFFF;
    }
}
