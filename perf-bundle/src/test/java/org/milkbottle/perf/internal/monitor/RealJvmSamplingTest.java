package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkbottle.perf.internal.monitor.burn.CpuBurner;
import org.milkbottle.perf.internal.monitor.idle.ParkedWorker;

/**
 * The whole sampling path on this JVM's real threads: the real ThreadMXBean, real stacks and counters, two
 * packages standing for two bundles. Asserts relations, not timings: the machine is shared.
 */
class RealJvmSamplingTest {

    private static final long BUSY = 7;
    private static final long IDLE = 8;

    private final CpuBurner burner = new CpuBurner();
    private final ParkedWorker parked = new ParkedWorker();
    private final Thread busyThread = new Thread(burner, "test-burner");
    private final Thread idleThread = new Thread(parked, "test-parked");

    @AfterEach
    void stopThreads() throws InterruptedException {
        burner.stop();
        parked.release();
        busyThread.join(5_000);
        idleThread.join(5_000);
    }

    @Test
    void busyBundleCostsFarMoreThanTheParkedOneWhoseThreadStillCounts() throws InterruptedException {
        PackageIndex index = new PackageIndex();
        index.put(BUSY, Set.of(CpuBurner.class.getPackageName()));
        index.put(IDLE, Set.of(ParkedWorker.class.getPackageName()));
        SamplingCycle cycle = new SamplingCycle(() -> { }, new JvmThreadSource(64), index::ownerOf,
                System::nanoTime);
        busyThread.start();
        idleThread.start();

        cycle.run();
        for (int i = 0; i < 4; i++) {
            Thread.sleep(150);
            cycle.run();
        }

        var busy = cycle.figures().get(BUSY);
        var idle = cycle.figures().get(IDLE);
        assertThat(busy).isNotNull();
        assertThat(idle).isNotNull();
        assertThat(busy.threads()).isEqualTo(1);
        assertThat(idle.threads()).isEqualTo(1);
        assertThat(busy.cpuNanos()).isPositive().isGreaterThan(10 * Math.max(1, idle.cpuNanos()));
        assertThat(busy.allocatedBytes()).isPositive().isGreaterThan(10 * Math.max(1, idle.allocatedBytes()));
        assertThat(busy.cpuPercent()).isGreaterThan(idle.cpuPercent());
        assertThat(busy.allocatedBytesPerSecond()).isGreaterThan(idle.allocatedBytesPerSecond());
    }

    @Test
    void jvmFiguresArePlausible() throws InterruptedException {
        JvmProbe probe = new JvmProbe();
        probe.sample();
        Thread.sleep(50);
        probe.sample();

        var jvm = probe.usage();
        assertThat(jvm.heapUsed()).isPositive();
        assertThat(jvm.loadedClasses()).isPositive();
        assertThat(jvm.threads()).isPositive();
        assertThat(jvm.processCpuPercent()).isNotNegative();
        assertThat(jvm.uptime()).isPositive();
        assertThat(jvm.gcCount()).isNotNegative();
    }
}
