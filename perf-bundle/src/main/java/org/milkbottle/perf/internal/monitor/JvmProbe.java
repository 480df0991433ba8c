package org.milkbottle.perf.internal.monitor;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;

import org.milkbottle.perf.api.JvmUsage;

/**
 * JVM-wide figures from the platform MXBeans. The process CPU share is the only windowed one: {@link #sample()},
 * called at each sample, measures it over the time since the previous call.
 */
final class JvmProbe {

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private long lastCpuNanos = -1;
    private long lastWallNanos;
    private volatile double processCpuPercent;

    /** Measures the process's CPU since the previous call. Sampler thread only. */
    void sample() {
        long cpu = os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
        long now = System.nanoTime();
        if (lastCpuNanos >= 0 && cpu >= 0 && now > lastWallNanos) {
            processCpuPercent = Math.max(0, cpu - lastCpuNanos) * 100d / (now - lastWallNanos);
        }
        lastCpuNanos = cpu;
        lastWallNanos = now;
    }

    JvmUsage usage() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            // -1 means "not known" for this collector; it must not lower the sum.
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new JvmUsage(heap.getUsed(), heap.getMax(), nonHeap.getUsed(), gcCount, Duration.ofMillis(gcMillis),
                ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
                ManagementFactory.getThreadMXBean().getThreadCount(), processCpuPercent,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()));
    }
}
