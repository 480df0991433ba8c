package org.milkbottle.marketplace.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Marketplace-wide figures: how many plugins and versions, downloads in all, per day, per runtime
 * version that asked, and the most downloaded plugins.
 */
public record Analytics(int plugins, int versions, long downloads, SortedMap<LocalDate, Long> perDay,
        List<Top> top, Map<String, Long> byRuntime) {

    /** A plugin and its downloads. */
    public record Top(String name, long downloads) {
    }
}
