package org.milkbottle.api;

/**
 * One line of {@code mb:list}.
 *
 * @param bundleId the framework's bundle id
 * @param symbolicName the bundle symbolic name
 * @param name the human name ({@code Bundle-Name}, else the symbolic name)
 * @param version the bundle version
 * @param state INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING
 * @param health aggregated health, {@code n/a} where the bundle has no health check
 * @param source where it was installed from; {@code runtime} for MilkBottle's own bundles
 * @param kind {@code plugin} (requires the MilkBottle runtime), {@code library} (installed as a
 *     dependency), or {@code runtime}
 */
public record PluginInfo(long bundleId, String symbolicName, String name, String version, String state,
        String health, String source, String kind) {
}
