package org.milkbottle.marketplace.internal.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A requirement in plain words: "package com.acme.util 1.2 or later, before 2.0". */
final class RequirementWords {

    private static final Pattern VALUE = Pattern.compile("\\((?<key>[\\w.-]+)(?<op>[<>]?=)(?<value>[^)]*)\\)");

    private RequirementWords() {
    }

    static String describe(String namespace, String filter) {
        String subject = switch (namespace) {
            case "osgi.wiring.package" -> "package " + value(filter, "osgi.wiring.package");
            case "osgi.wiring.bundle" -> "bundle " + value(filter, "osgi.wiring.bundle");
            case "milkbottle.runtime" -> "MilkBottle runtime";
            case "osgi.ee" -> "Java " + value(filter, "version");
            default -> "capability " + namespace + (filter == null ? "" : " " + filter);
        };
        return namespace.equals("osgi.ee") ? subject : subject + range(filter);
    }

    private static String value(String filter, String key) {
        if (filter == null) {
            return "?";
        }
        Matcher matcher = VALUE.matcher(filter);
        while (matcher.find()) {
            if (matcher.group("key").equals(key) && matcher.group("op").equals("=")) {
                return matcher.group("value");
            }
        }
        return "?";
    }

    private static String range(String filter) {
        if (filter == null) {
            return "";
        }
        String low = null;
        String high = null;
        Matcher lower = Pattern.compile("\\(version>=([^)]*)\\)").matcher(filter);
        if (lower.find()) {
            low = lower.group(1);
        }
        Matcher upper = Pattern.compile("\\(!\\(version>=([^)]*)\\)\\)").matcher(filter);
        if (upper.find()) {
            high = upper.group(1);
        }
        if (low == null && high == null) {
            return "";
        }
        return " " + (low == null ? "" : low + " or later") + (low != null && high != null ? ", " : "")
                + (high == null ? "" : "before " + high);
    }
}
