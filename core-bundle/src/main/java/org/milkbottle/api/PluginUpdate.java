package org.milkbottle.api;

/** A plugin installed by name for which a repository has a newer version that fits this runtime. */
public record PluginUpdate(String symbolicName, String installedVersion, String availableVersion) {
}
