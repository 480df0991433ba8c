package org.milkbottle.perf.api;

import java.time.Duration;
import java.util.Map;

/**
 * What one bundle (a plugin, or one of the runtime's own) costs.
 *
 * @param bundleId the bundle's id
 * @param symbolicName its symbolic name
 * @param version its version
 * @param cpuTime CPU time its code used since it was installed or the monitor started
 * @param cpuPercent its share of one core over the last sampling window, 0–100 × cores
 * @param allocatedBytes bytes its code allocated since it was installed
 * @param allocatedBytesPerSecond bytes per second over the last sampling window
 * @param threads live threads attributed to it now
 * @param calls shell command invocations of its commands
 * @param callLatencyP50 median latency of those invocations ({@link Duration#ZERO} without any)
 * @param callLatencyP99 99th percentile latency of those invocations
 * @param activation how long its last start took (activator and DS components activated during the start),
 *        {@code null} when it was not started while the monitor ran
 * @param installPhases how long each phase of its last install or update took (fetch, validate, resolve, start),
 *        in pipeline order
 */
public record BundleUsage(long bundleId, String symbolicName, String version, Duration cpuTime, double cpuPercent,
        long allocatedBytes, double allocatedBytesPerSecond, int threads, long calls, Duration callLatencyP50,
        Duration callLatencyP99, Duration activation, Map<String, Duration> installPhases) {
}
