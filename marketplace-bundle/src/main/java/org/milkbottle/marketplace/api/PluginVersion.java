package org.milkbottle.marketplace.api;

import java.time.Instant;
import java.util.List;

/**
 * One published version of a plugin.
 *
 * @param runtimeFilter the plugin's requirement on the runtime, an LDAP filter over {@code milkbottle.runtime}
 * @param validation the validator's findings at publication, one line each
 */
public record PluginVersion(String version, String sha256, long size, Instant published, String runtimeFilter,
        List<String> permissions, List<String> dependencies, List<String> validation, long downloads) {
}
