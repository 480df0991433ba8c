package org.milkbottle.perf.internal.monitor;

/**
 * What one sample charged to one bundle.
 *
 * @param cpuNanos CPU time its threads used since the previous sample
 * @param allocatedBytes bytes they allocated since the previous sample
 * @param threads live threads attributed to it now
 */
record BundleCharge(long cpuNanos, long allocatedBytes, int threads) {

    BundleCharge plus(long cpu, long bytes) {
        return new BundleCharge(cpuNanos + cpu, allocatedBytes + bytes, threads + 1);
    }
}
