package org.milkbottle.perf.internal.monitor;

import java.time.Duration;
import java.util.Arrays;

/**
 * The count of a bundle's command invocations and the latencies of the last {@value #CAPACITY} of them, from
 * which percentiles are computed on read (sorting 1024 longs on a read is cheaper than keeping buckets right).
 */
final class LatencyReservoir {

    static final int CAPACITY = 1024;

    private final long[] latencies = new long[CAPACITY];
    private int size;
    private int next;
    private long count;

    synchronized void add(long nanos) {
        latencies[next] = nanos;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
        count++;
    }

    synchronized long count() {
        return count;
    }

    /** The {@code quantile} (0 &lt; q ≤ 1) of the kept latencies by nearest rank, {@link Duration#ZERO} without any. */
    Duration percentile(double quantile) {
        long[] sorted;
        synchronized (this) {
            sorted = Arrays.copyOf(latencies, size);
        }
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.length);
        return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }
}
