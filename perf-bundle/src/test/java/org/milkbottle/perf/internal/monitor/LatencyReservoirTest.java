package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LatencyReservoirTest {

    @Test
    void emptyReservoirHasZeroPercentiles() {
        LatencyReservoir reservoir = new LatencyReservoir();
        assertThat(reservoir.count()).isZero();
        assertThat(reservoir.percentile(0.5)).isEqualTo(Duration.ZERO);
    }

    @Test
    void percentilesByNearestRank() {
        LatencyReservoir reservoir = new LatencyReservoir();
        for (int i = 100; i >= 1; i--) { // added out of order: sorted on read
            reservoir.add(i);
        }
        assertThat(reservoir.percentile(0.5)).isEqualTo(Duration.ofNanos(50));
        assertThat(reservoir.percentile(0.99)).isEqualTo(Duration.ofNanos(99));
        assertThat(reservoir.percentile(1.0)).isEqualTo(Duration.ofNanos(100));
    }

    @Test
    void onlyTheLastLatenciesAreKeptButAllAreCounted() {
        LatencyReservoir reservoir = new LatencyReservoir();
        for (int i = 0; i < LatencyReservoir.CAPACITY; i++) {
            reservoir.add(1_000_000);
        }
        for (int i = 0; i < LatencyReservoir.CAPACITY; i++) {
            reservoir.add(5);
        }
        assertThat(reservoir.count()).isEqualTo(2L * LatencyReservoir.CAPACITY);
        assertThat(reservoir.percentile(0.99)).isEqualTo(Duration.ofNanos(5));
    }
}
