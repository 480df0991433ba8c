package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;

class ActivationTimerTest {

    private long now;
    private final ActivationTimer timer = new ActivationTimer(() -> now);

    /** A bundle that only knows its id: all the timer asks. */
    private static Bundle bundle(long id) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void event(int type, Bundle bundle, long at) {
        now = at;
        timer.bundleChanged(new BundleEvent(type, bundle));
    }

    @Test
    void activationIsFromStartingToStarted() {
        Bundle hello = bundle(12);
        event(BundleEvent.STARTING, hello, 1_000);
        event(BundleEvent.STARTED, hello, 251_000);

        assertThat(timer.activationOf(12)).isEqualTo(Duration.ofNanos(250_000));
    }

    @Test
    void notStartedWhileListeningIsNull() {
        assertThat(timer.activationOf(12)).isNull();
        event(BundleEvent.STARTED, bundle(12), 5); // its STARTING was missed
        assertThat(timer.activationOf(12)).isNull();
    }

    @Test
    void failedStartKeepsThePreviousFigureAndLeavesNothingPending() {
        Bundle hello = bundle(12);
        event(BundleEvent.STARTING, hello, 0);
        event(BundleEvent.STARTED, hello, 10);
        event(BundleEvent.STARTING, hello, 100);
        event(BundleEvent.STOPPING, hello, 150);
        event(BundleEvent.STARTED, hello, 1_000); // not a start that began: ignored

        assertThat(timer.activationOf(12)).isEqualTo(Duration.ofNanos(10));
    }

    @Test
    void forgottenBundleHasNoActivation() {
        Bundle hello = bundle(12);
        event(BundleEvent.STARTING, hello, 0);
        event(BundleEvent.STARTED, hello, 10);
        timer.forget(12);

        assertThat(timer.activationOf(12)).isNull();
    }
}
