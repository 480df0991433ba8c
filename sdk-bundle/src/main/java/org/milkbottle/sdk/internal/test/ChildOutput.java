package org.milkbottle.sdk.internal.test;

import java.util.List;
import java.util.regex.Pattern;

/** Why a throwaway runtime did not get to check the plugin, from what it printed. */
final class ChildOutput {

    /** The runtime's log lines ("12:00:01 INFO …"), which are not the reason. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d (INFO|DEBUG) .*");

    private ChildOutput() {
    }

    static String reason(String output, int status) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty())
                .filter(l -> !LOG_LINE.matcher(l).matches()).toList();
        if (lines.isEmpty()) {
            return "the throwaway runtime ended with status " + status + " and printed nothing";
        }
        String reason = String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        return reason.length() > 1_000 ? reason.substring(0, 1_000) + "…" : reason;
    }
}
