package org.milkbottle.perf.api;

import java.time.Duration;

/**
 * JVM-wide figures.
 *
 * @param heapUsed heap bytes in use
 * @param heapMax the most heap the JVM may use (-1 when unbounded)
 * @param nonHeapUsed non-heap bytes in use (metaspace, code cache)
 * @param gcCount garbage collections so far, all collectors
 * @param gcTime time spent in them
 * @param loadedClasses classes loaded now
 * @param threads live threads
 * @param processCpuPercent the process's CPU over the last sampling window, 0–100 × cores
 * @param uptime since the JVM started
 */
public record JvmUsage(long heapUsed, long heapMax, long nonHeapUsed, long gcCount, Duration gcTime,
        int loadedClasses, int threads, double processCpuPercent, Duration uptime) {
}
