package org.milkbottle.perf.internal.monitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shell command invocations per bundle: how many, and their latency distribution. Thread-safe. */
final class CommandStats {

    private final Map<Long, LatencyReservoir> byBundle = new ConcurrentHashMap<>();

    void record(long bundleId, long latencyNanos) {
        byBundle.computeIfAbsent(bundleId, id -> new LatencyReservoir()).add(latencyNanos);
    }

    CallFigures figuresOf(long bundleId) {
        LatencyReservoir reservoir = byBundle.get(bundleId);
        if (reservoir == null) {
            return CallFigures.NONE;
        }
        return new CallFigures(reservoir.count(), reservoir.percentile(0.5), reservoir.percentile(0.99));
    }

    void forget(long bundleId) {
        byBundle.remove(bundleId);
    }

    /**
     * @param calls invocations counted
     * @param p50 median latency
     * @param p99 99th percentile latency
     */
    record CallFigures(long calls, Duration p50, Duration p99) {

        static final CallFigures NONE = new CallFigures(0, Duration.ZERO, Duration.ZERO);
    }
}
