package org.milkbottle.validation.api;

/**
 * A known problem with some versions of a plugin.
 *
 * @param id e.g. {@code MB-2026-0001}
 * @param plugin the plugin's symbolic name
 * @param versions the affected version range, e.g. {@code [1.0,1.2.3)}
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}; high and critical refuse
 *     installs of affected versions
 * @param message what is wrong and what to do
 */
public record Advisory(String id, String plugin, String versions, String severity, String message) {

    /** Whether an affected version may not be installed. */
    public boolean blocking() {
        return "high".equalsIgnoreCase(severity) || "critical".equalsIgnoreCase(severity);
    }
}
