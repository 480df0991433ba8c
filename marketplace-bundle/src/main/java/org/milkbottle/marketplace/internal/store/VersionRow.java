package org.milkbottle.marketplace.internal.store;

import java.time.Instant;
import java.util.List;

/** One published plugin version as stored: its artifact and the metadata read from its manifest. */
public record VersionRow(String name, String version, String sha256, long size, Instant published, String title,
        String description, String vendor, String license, String contact, String docUrl, String scmUrl,
        List<String> tags, List<String> capabilities, List<String> permissions, String runtimeFilter,
        List<String> dependencies, List<String> validation) {
}
