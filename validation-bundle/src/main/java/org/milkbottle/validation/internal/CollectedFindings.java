package org.milkbottle.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;

/** Collects what the rules report: findings, and the first place each permission is used. */
final class CollectedFindings implements Findings {

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, String> firstUse = new LinkedHashMap<>();

    @Override
    public void add(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void uses(String permission, String where) {
        firstUse.putIfAbsent(permission, where);
    }

    List<Finding> findings() {
        return findings;
    }

    /** Permission to the first place that uses it. */
    Map<String, String> firstUse() {
        return firstUse;
    }
}
