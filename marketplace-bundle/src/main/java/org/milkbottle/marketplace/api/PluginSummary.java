package org.milkbottle.marketplace.api;

import java.time.Instant;
import java.util.List;

/**
 * A plugin as listed in search results: its latest (compatible) version and what users see at a glance.
 */
public record PluginSummary(String name, String title, String description, String vendor, String version,
        List<String> tags, List<String> capabilities, double rating, int ratingCount, long downloads,
        Instant updated) {
}
