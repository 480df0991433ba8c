package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

/** A plugin's stop that fails or blocks: the error names the plugin, and a quiet stop only logs it. */
class BundleStopperFailuresTest {

    /** What the bundle's stop does. */
    interface StopAction {
        void run() throws Exception;
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger stops = new AtomicInteger();
    private final BundleStopper stopper = new BundleStopper(executor, new AbandonedBundles(null, Path.of("unused"),
            executor), () -> Duration.ofMillis(200));

    @AfterEach
    void shutdown() {
        executor.shutdownNow();
    }

    private Bundle bundle(int state, StopAction onStop) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> "greeter";
                    case "getVersion" -> new Version(1, 2, 0);
                    case "getBundleId" -> 7L;
                    case "getState" -> state;
                    case "stop" -> {
                        stops.incrementAndGet();
                        onStop.run();
                        yield null;
                    }
                    case "hashCode" -> 7;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aStopThatThrowsIsNamedWithItsCause() {
        Bundle bundle = bundle(Bundle.ACTIVE, () -> {
            throw new BundleException("Activator stop error in bundle greeter [7].",
                    new IllegalStateException("connection pool busy"));
        });
        assertThatThrownBy(() -> stopper.stop(bundle)).isInstanceOf(PluginException.class)
                .hasMessage("Stopping greeter 1.2.0 failed: Activator stop error in bundle greeter [7]. — caused by "
                        + "IllegalStateException: connection pool busy");
    }

    @Test
    void aStopThatBlocksUntilInterruptedFailsAtTheLimit() {
        Bundle bundle = bundle(Bundle.ACTIVE, () -> Thread.sleep(60_000));
        long begin = System.nanoTime();
        assertThatThrownBy(() -> stopper.stop(bundle)).isInstanceOf(PluginException.class)
                .hasMessage("greeter 1.2.0 did not finish stopping within 0.2 s: its stop blocked and was "
                        + "interrupted. Fix the plugin so that its activator's stop returns promptly.");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anErrorInTheStopIsNotDisguised() {
        Bundle bundle = bundle(Bundle.ACTIVE, () -> {
            throw new NoClassDefFoundError("com/example/Gone");
        });
        assertThatThrownBy(() -> stopper.stop(bundle)).isInstanceOf(NoClassDefFoundError.class)
                .hasMessage("com/example/Gone");
    }

    @Test
    void aQuietStopOnlyLogsAFailureAndLeavesUninstalledBundlesAlone() {
        stopper.stopQuietly(bundle(Bundle.ACTIVE, () -> {
            throw new BundleException("stop failed");
        }));
        assertThat(stops).hasValue(1);

        stopper.stopQuietly(bundle(Bundle.UNINSTALLED, () -> { }));
        assertThat(stops).as("an uninstalled bundle is not stopped").hasValue(1);
    }
}
