package org.milkbottle.marketplace.api;

import java.util.List;

/** A plugin with its full metadata, every version (newest first) and its reviews (newest first). */
public record PluginDetails(PluginSummary summary, String license, String contact, String docUrl, String scmUrl,
        String owner, List<PluginVersion> versions, List<Review> reviews) {
}
