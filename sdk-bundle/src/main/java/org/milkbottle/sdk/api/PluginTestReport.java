package org.milkbottle.sdk.api;

import java.util.List;

/**
 * What {@link PluginTester} found, check by check.
 *
 * @param plugin  the plugin's symbolic name
 * @param version its version
 * @param checks  the checks in the order they ran: {@code install}, {@code start}, {@code components},
 *                {@code health}, {@code commands}, {@code migrations}
 * @since 1.1
 */
public record PluginTestReport(String plugin, String version, List<Check> checks) {

    public PluginTestReport {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /**
     * One check's outcome.
     *
     * @param name   what was checked
     * @param passed whether it passed
     * @param detail what was found, e.g. the component that failed to activate and why
     */
    public record Check(String name, boolean passed, String detail) {
    }
}
