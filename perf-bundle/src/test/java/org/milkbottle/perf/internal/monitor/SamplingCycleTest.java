package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Windows and totals, with a fake clock and made-up threads. */
class SamplingCycleTest {

    private static final long SECOND = 1_000_000_000L;

    private final PackageIndex index = new PackageIndex();
    private final List<ThreadSnapshot> threads = new ArrayList<>();
    private final AtomicInteger prepared = new AtomicInteger();
    private long now;
    private final SamplingCycle cycle = new SamplingCycle(prepared::incrementAndGet, () -> List.copyOf(threads),
            index::ownerOf, () -> now);

    private void at(long nanos, ThreadSnapshot... sample) {
        now = nanos;
        threads.clear();
        threads.addAll(List.of(sample));
        cycle.run();
    }

    private static ThreadSnapshot thread(long id, long cpu, long bytes, String frame) {
        return new ThreadSnapshot(id, List.of(frame), null, cpu, bytes);
    }

    @Test
    void percentAndRateAreOverTheLastWindowAndTotalsAccumulate() {
        index.put(7, Set.of("p7"));
        index.put(8, Set.of("p8"));
        at(0, thread(1, 0, 0, "p7.A"), thread(2, 0, 0, "p8.B"));
        // Half a second of wall time: 0.5 s CPU on thread 1 is 100 % of a core, 1 MB is 2 MB/s.
        at(SECOND / 2, thread(1, SECOND / 2, 1_000_000, "p7.A"), thread(2, SECOND / 10, 0, "p8.B"));

        var seven = cycle.figures().get(7L);
        assertThat(seven.cpuPercent()).isCloseTo(100, within(1e-9));
        assertThat(seven.allocatedBytesPerSecond()).isCloseTo(2_000_000, within(1e-6));
        assertThat(cycle.figures().get(8L).cpuPercent()).isCloseTo(20, within(1e-9));

        // Next two seconds: both threads of bundle 7 busy (two cores), 3 s CPU in a 2 s window = 150 %.
        at(SECOND / 2 + 2 * SECOND, thread(1, SECOND / 2 + 2 * SECOND, 1_000_000, "p7.A"),
                thread(3, SECOND, 4_000_000, "p7.C"), thread(2, SECOND / 10, 0, "p8.B"));
        seven = cycle.figures().get(7L);
        assertThat(seven.cpuPercent()).isCloseTo(150, within(1e-9));
        assertThat(seven.allocatedBytesPerSecond()).isCloseTo(2_000_000, within(1e-6));
        assertThat(seven.cpuNanos()).isEqualTo(SECOND / 2 + 3 * SECOND);
        assertThat(seven.allocatedBytes()).isEqualTo(5_000_000);
        assertThat(seven.threads()).isEqualTo(2);
        var eight = cycle.figures().get(8L);
        assertThat(eight.cpuPercent()).isZero();
        assertThat(eight.cpuNanos()).isEqualTo(SECOND / 10);
        assertThat(eight.threads()).isEqualTo(1);
        assertThat(prepared).hasValue(3);
    }

    @Test
    void bundleWithoutThreadsKeepsItsTotalsButNoWindowFigures() {
        index.put(7, Set.of("p7"));
        at(0, thread(1, 0, 0, "p7.A"));
        at(SECOND, thread(1, SECOND / 4, 100, "p7.A"));
        at(2 * SECOND);

        var seven = cycle.figures().get(7L);
        assertThat(seven.cpuNanos()).isEqualTo(SECOND / 4);
        assertThat(seven.cpuPercent()).isZero();
        assertThat(seven.allocatedBytesPerSecond()).isZero();
        assertThat(seven.threads()).isZero();
    }

    @Test
    void forgottenBundleLosesFiguresAndThreadsAtTheNextSample() {
        index.put(7, Set.of("p7"));
        at(0, thread(1, 0, 0, "p7.A"));
        at(SECOND, thread(1, SECOND / 4, 100, "p7.A"));

        cycle.forget(7);
        index.remove(7);
        at(2 * SECOND, thread(1, SECOND / 2, 200, "java.lang.Object"));

        assertThat(cycle.figures()).doesNotContainKey(7L);
    }

    @Test
    void figuresAreAnImmutableSnapshot() {
        index.put(7, Set.of("p7"));
        at(0, thread(1, 0, 0, "p7.A"));
        var before = cycle.figures();
        at(SECOND, thread(1, SECOND, 0, "p7.A"));

        assertThat(before.get(7L).cpuNanos()).isZero();
        assertThat(cycle.figures().get(7L).cpuNanos()).isEqualTo(SECOND);
    }
}
