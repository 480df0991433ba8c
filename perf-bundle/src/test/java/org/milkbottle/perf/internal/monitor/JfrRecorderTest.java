package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.perf.api.PerformanceMonitor;

class JfrRecorderTest {

    private final JfrRecorder recorder = new JfrRecorder();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        recorder.stop();
    }

    @Test
    void oneSecondRecordingWritesAFileAndRefusesASecondMeanwhile() throws Exception {
        Path file = dir.resolve("nested/folder/profile.jfr");
        long before = System.currentTimeMillis();

        PerformanceMonitor.Recording recording = recorder.record(Duration.ofSeconds(1), file);

        assertThat(System.currentTimeMillis() - before).as("returns at once").isLessThan(15_000);
        assertThat(recording.file()).isEqualTo(file.toAbsolutePath());
        assertThat(recording.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(recording.endsAt()).isGreaterThanOrEqualTo(before + 1_000);
        assertThatThrownBy(() -> recorder.record(Duration.ofSeconds(5), dir.resolve("second.jfr")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running")
                .hasMessageContaining("profile.jfr");
        assertThat(dir.resolve("second.jfr")).doesNotExist();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(Files.exists(file) && Files.size(file) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(file).exists();
        assertThat(Files.size(file)).isPositive();

        // Once it ended, another one may run; deactivation stops it.
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        PerformanceMonitor.Recording next = null;
        while (next == null && System.nanoTime() < deadline) {
            try {
                next = recorder.record(Duration.ofMinutes(5), dir.resolve("next.jfr"));
            } catch (IllegalStateException stillWriting) {
                Thread.sleep(100);
            }
        }
        assertThat(next).isNotNull();
        recorder.stop();
        assertThat(dir.resolve("next.jfr")).exists();
    }

    @Test
    void durationsOutsideOneSecondToOneHourAreRefused() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                Duration.ofHours(1).plusSeconds(1), null}) {
            assertThatThrownBy(() -> recorder.record(bad, dir.resolve("x.jfr")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 second to 1 hour");
        }
        assertThat(dir.resolve("x.jfr")).doesNotExist();
        // said as the command takes a duration, not as Java prints one (PT2H)
        assertThatThrownBy(() -> recorder.record(Duration.ofHours(2), dir.resolve("x.jfr"))).hasMessageContaining("not 2h;");
        assertThatThrownBy(() -> recorder.record(Duration.ZERO, dir.resolve("x.jfr"))).hasMessageContaining("not 0s;");
        assertThatThrownBy(() -> recorder.record(Duration.ofMillis(999), dir.resolve("x.jfr")))
                .hasMessageContaining("not 999ms;");
    }

    @Test
    void stopWithoutRecordingIsHarmless() {
        recorder.stop();
        recorder.stop();
    }
}
