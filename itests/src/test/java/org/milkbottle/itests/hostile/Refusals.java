package org.milkbottle.itests.hostile;

import static org.junit.Assert.assertTrue;

import java.util.Arrays;

/** Reading refusals: a refusal counts only if one line names both the rule and the permission it is about. */
public final class Refusals {

    public static final String NOT_ALLOWED = "trust.permission-not-allowed";
    public static final String UNDECLARED = "permissions.undeclared";

    private Refusals() {
    }

    /**
     * Asserts that {@code output} (an install error or {@code mb:audit}) has a line with {@code rule} and one
     * of {@code permissions}, quoted as the findings quote them ({@code 'process'}).
     */
    public static void assertNames(String what, String output, String rule, String... permissions) {
        boolean found = output.lines().anyMatch(line -> line.contains(rule)
                && Arrays.stream(permissions).anyMatch(p -> line.contains("'" + p + "'")));
        assertTrue(what + ": expected a refusal naming " + rule + " and " + String.join(" or ", permissions)
                + ", got:\n" + output, found);
    }
}
