package org.milkbottle.api;

import java.util.List;

/**
 * Health of one plugin, aggregated over its health check services.
 *
 * @param symbolicName the plugin
 * @param status the worst status of its checks: {@code OK}, {@code WARN}, {@code TEMPORARILY_UNAVAILABLE},
 *     {@code CRITICAL}, {@code HEALTH_CHECK_ERROR}; {@code n/a} when it has no checks, {@code STOPPED} when it
 *     is not active
 * @param checks one entry per check
 */
public record HealthReport(String symbolicName, String status, List<Check> checks) {

    public HealthReport {
        checks = List.copyOf(checks);
    }

    /**
     * One health check's result.
     *
     * @param name the check's {@code hc.name}
     * @param status its status
     * @param message what it said
     */
    public record Check(String name, String status, String message) {
    }
}
