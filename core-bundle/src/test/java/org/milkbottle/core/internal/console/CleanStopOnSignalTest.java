package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * What the SIGTERM hook does when the JVM runs it: stops a running framework and waits for it within the limit,
 * leaves one the launcher is already stopping alone, and says so when the stop fails. The hook is taken from the
 * JVM again before it is run by hand, as the console does when it returns.
 */
class CleanStopOnSignalTest {

    private final List<String> calls = new ArrayList<>();

    private Framework framework(int state, BundleException stopFails) {
        return (Framework) Proxy.newProxyInstance(Framework.class.getClassLoader(), new Class<?>[] {Framework.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "stop" -> {
                        calls.add("stop");
                        if (stopFails != null) {
                            throw stopFails;
                        }
                        yield null;
                    }
                    case "waitForStop" -> {
                        calls.add("waitForStop " + args[0]);
                        yield null;
                    }
                    case "hashCode" -> 1;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Installs the hook, takes it from the JVM again, and runs it as the JVM would on SIGTERM. */
    private static void signal(Framework framework) throws Exception {
        CleanStopOnSignal installed = CleanStopOnSignal.install(framework, Duration.ofSeconds(3));
        installed.remove();
        installed.remove(); // removing twice is harmless
        Field hook = CleanStopOnSignal.class.getDeclaredField("hook");
        hook.setAccessible(true);
        Thread thread = (Thread) hook.get(installed);
        assertThat(thread.getName()).isEqualTo("milkbottle-stop-on-signal");
        thread.run();
    }

    @Test
    void aRunningFrameworkIsStoppedAndWaitedForWithinTheLimit() throws Exception {
        signal(framework(Bundle.ACTIVE, null));
        assertThat(calls).containsExactly("stop", "waitForStop 3000");
    }

    @Test
    void aFrameworkAlreadyStoppingIsLeftToTheLauncher() throws Exception {
        signal(framework(Bundle.STOPPING, null));
        assertThat(calls).isEmpty();
    }

    @Test
    void aStopThatFailsIsReportedOnStandardError() throws Exception {
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            signal(framework(Bundle.STARTING, new BundleException("framework busy")));
        } finally {
            System.setErr(previous);
        }
        assertThat(calls).containsExactly("stop");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("milkbottle: stopping on the signal failed: org.osgi.framework.BundleException: "
                        + "framework busy");
    }
}
