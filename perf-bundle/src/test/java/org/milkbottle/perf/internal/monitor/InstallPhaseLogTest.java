package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class InstallPhaseLogTest {

    private final InstallPhaseLog log = new InstallPhaseLog();

    @Test
    void phasesComeBackInPipelineOrderThenOthersInArrivalOrder() {
        log.record("hello", "start", Duration.ofMillis(4));
        log.record("hello", "index", Duration.ofMillis(9));
        log.record("hello", "fetch", Duration.ofMillis(1));
        log.record("hello", "resolve", Duration.ofMillis(3));
        log.record("hello", "audit", Duration.ofMillis(8));
        log.record("hello", "validate", Duration.ofMillis(2));

        assertThat(log.phasesOf("hello")).containsExactly(
                java.util.Map.entry("fetch", Duration.ofMillis(1)),
                java.util.Map.entry("validate", Duration.ofMillis(2)),
                java.util.Map.entry("resolve", Duration.ofMillis(3)),
                java.util.Map.entry("start", Duration.ofMillis(4)),
                java.util.Map.entry("index", Duration.ofMillis(9)),
                java.util.Map.entry("audit", Duration.ofMillis(8)));
    }

    @Test
    void laterRecordOfAPhaseReplacesIt() {
        log.record("hello", "fetch", Duration.ofMillis(100));
        log.record("hello", "fetch", Duration.ofMillis(7));

        assertThat(log.phasesOf("hello")).containsExactly(java.util.Map.entry("fetch", Duration.ofMillis(7)));
    }

    @Test
    void namesAreKeptApartAndForgotten() {
        log.record("hello", "fetch", Duration.ofMillis(1));
        log.record("other", "fetch", Duration.ofMillis(2));
        log.forget("hello");

        assertThat(log.phasesOf("hello")).isEmpty();
        assertThat(log.phasesOf("other")).hasSize(1);
        assertThat(log.phasesOf(null)).isEmpty();
    }
}
