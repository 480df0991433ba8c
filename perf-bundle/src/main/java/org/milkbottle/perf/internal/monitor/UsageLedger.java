package org.milkbottle.perf.internal.monitor;

import java.util.HashMap;
import java.util.Map;

/**
 * Each bundle's running totals and its figures over the last sampling window, fed with what each sample charged.
 * Not thread-safe: written on the sampler thread; readers get {@link #snapshot()}.
 */
final class UsageLedger {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Map<Long, BundleFigures> figures = new HashMap<>();

    /**
     * Adds one sample's charges.
     *
     * @param windowNanos wall time since the previous sample; 0 for the first sample (totals only, no rates)
     * @param charges what the sample charged, per bundle
     */
    void record(long windowNanos, Map<Long, BundleCharge> charges) {
        // A bundle charged nothing this time had no CPU, allocation or thread in this window.
        figures.replaceAll((id, old) -> new BundleFigures(old.cpuNanos(), old.allocatedBytes(), 0, 0, 0));
        charges.forEach((bundle, charge) -> {
            BundleFigures old = figures.getOrDefault(bundle, BundleFigures.NONE);
            double percent = windowNanos > 0 ? charge.cpuNanos() * 100d / windowNanos : 0;
            double rate = windowNanos > 0 ? charge.allocatedBytes() * NANOS_PER_SECOND / windowNanos : 0;
            figures.put(bundle, new BundleFigures(old.cpuNanos() + charge.cpuNanos(),
                    old.allocatedBytes() + charge.allocatedBytes(), percent, rate, charge.threads()));
        });
    }

    /** Forgets an uninstalled bundle. */
    void forget(long bundleId) {
        figures.remove(bundleId);
    }

    /** An immutable copy of every bundle's figures. */
    Map<Long, BundleFigures> snapshot() {
        return Map.copyOf(figures);
    }

    /**
     * One bundle's sampled figures.
     *
     * @param cpuNanos CPU time charged since the bundle was first seen
     * @param allocatedBytes bytes charged since then
     * @param cpuPercent CPU over the last window, % of one core
     * @param allocatedBytesPerSecond allocation rate over the last window
     * @param threads threads attributed to it at the last sample
     */
    record BundleFigures(long cpuNanos, long allocatedBytes, double cpuPercent, double allocatedBytesPerSecond,
            int threads) {

        /** A bundle never charged. */
        static final BundleFigures NONE = new BundleFigures(0, 0, 0, 0, 0);
    }
}
