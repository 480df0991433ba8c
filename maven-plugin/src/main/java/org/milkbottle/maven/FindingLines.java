package org.milkbottle.maven;

import org.milkbottle.validation.api.Finding;

/** How the build log shows a validator finding: {@code [rule] message (at location)}. */
final class FindingLines {

    private FindingLines() {
    }

    static String of(Finding finding) {
        String location = finding.location() == null || finding.location().isBlank() ? ""
                : " (at " + finding.location() + ")";
        return "[" + finding.rule() + "] " + finding.message() + location;
    }
}
