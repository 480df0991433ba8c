package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.milkbottle.perf.internal.monitor.CommandLineParser.CommandName;

class CommandTimerTest {

    private long now;
    private final List<CommandName> asked = new ArrayList<>();
    private final CommandStats stats = new CommandStats();
    private final CommandTimer timer = new CommandTimer(this::owner, stats, () -> now);

    private long owner(CommandName name) {
        asked.add(name);
        return switch (name.function()) {
            case "greet" -> 7;
            case "list" -> 3;
            default -> PackageIndex.NO_BUNDLE;
        };
    }

    @Test
    void lineIsTimedAndChargedToTheProviderOfItsFirstCommand() {
        now = 1_000;
        timer.beforeExecute(null, "hello:greet world | list");
        now = 6_000;
        timer.afterExecute(null, "hello:greet world | list", (Object) "Hello world");

        assertThat(asked).containsExactly(new CommandName("hello", "greet"));
        CommandStats.CallFigures seven = stats.figuresOf(7);
        assertThat(seven.calls()).isEqualTo(1);
        assertThat(seven.p50()).isEqualTo(Duration.ofNanos(5_000));
        assertThat(stats.figuresOf(3).calls()).isZero();
        assertThat(timer.inProgress()).isZero();
    }

    @Test
    void failedCommandsCountToo() {
        timer.beforeExecute(null, "greet");
        now = 40;
        timer.afterExecute(null, "greet", new IllegalArgumentException("bad"));

        assertThat(stats.figuresOf(7).calls()).isEqualTo(1);
        assertThat(stats.figuresOf(7).p99()).isEqualTo(Duration.ofNanos(40));
    }

    @Test
    void nestedLinesAreTimedSeparately() {
        now = 0;
        timer.beforeExecute(null, "greet");
        now = 10;
        timer.beforeExecute(null, "list");
        now = 15;
        timer.afterExecute(null, "list", (Object) null);
        now = 100;
        timer.afterExecute(null, "greet", (Object) null);

        assertThat(stats.figuresOf(3).p50()).isEqualTo(Duration.ofNanos(5));
        assertThat(stats.figuresOf(7).p50()).isEqualTo(Duration.ofNanos(100));
        assertThat(timer.inProgress()).isZero();
    }

    @Test
    void unknownCommandsAndUnmatchedEndsAreIgnored() {
        timer.beforeExecute(null, "x = 5");
        timer.afterExecute(null, "x = 5", (Object) 5);
        timer.afterExecute(null, "greet", (Object) null); // began before the listener existed

        assertThat(stats.figuresOf(7).calls()).isZero();
        assertThat(timer.inProgress()).isZero();
    }

    @Test
    void forgottenBundleHasNoCalls() {
        timer.beforeExecute(null, "greet");
        timer.afterExecute(null, "greet", (Object) null);
        stats.forget(7);

        assertThat(stats.figuresOf(7)).isEqualTo(CommandStats.CallFigures.NONE);
    }

    @Test
    void filterValuesAreEscaped() {
        assertThat(CommandOwnerLookup.escape("a*(b)\\")).isEqualTo("a\\*\\(b\\)\\\\");
    }
}
