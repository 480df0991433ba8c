package org.milkbottle.api;

import java.util.List;

/**
 * A plugin's metadata, read from its manifest without loading any of its classes.
 *
 * @param symbolicName {@code Bundle-SymbolicName}
 * @param version {@code Bundle-Version}
 * @param name {@code Bundle-Name}
 * @param description {@code Bundle-Description}
 * @param vendor {@code Bundle-Vendor}
 * @param contact {@code Bundle-ContactAddress}
 * @param license {@code Bundle-License}
 * @param docUrl {@code Bundle-DocURL}
 * @param scm {@code Bundle-SCM}
 * @param capabilities {@code MilkBottle-Capabilities}
 * @param tags {@code MilkBottle-Tags}
 * @param permissions {@code MilkBottle-Permissions}
 * @param runtimeRange the {@code milkbottle.runtime} version range it requires, or {@code null} for a
 *     library
 * @param fragmentHost {@code Fragment-Host}, or {@code null}
 */
public record PluginDescriptor(String symbolicName, String version, String name, String description, String vendor,
        String contact, String license, String docUrl, String scm, List<String> capabilities, List<String> tags,
        List<String> permissions, String runtimeRange, String fragmentHost) {

    public PluginDescriptor {
        capabilities = List.copyOf(capabilities);
        tags = List.copyOf(tags);
        permissions = List.copyOf(permissions);
    }

    /** Whether this bundle is a MilkBottle plugin (it requires the runtime) rather than a library. */
    public boolean isPlugin() {
        return runtimeRange != null;
    }
}
