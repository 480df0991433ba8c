package org.milkbottle.perf.internal.monitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * How long each bundle's last start took: from its STARTING event to its STARTED event, both delivered
 * synchronously on the thread that starts the bundle. Between them run the bundle's activator and — because SCR
 * activates immediate components while it handles STARTED synchronously, and SCR (started before this bundle)
 * added its listener before this one, which Felix calls first — the activation of its immediate DS components.
 * Delayed components activate later, on first use, and are not included.
 */
final class ActivationTimer implements SynchronousBundleListener {

    private final LongSupplier nanoClock;
    private final Map<Long, Long> starting = new ConcurrentHashMap<>();
    private final Map<Long, Duration> activations = new ConcurrentHashMap<>();

    /** @param nanoClock {@link System#nanoTime()} outside tests */
    ActivationTimer(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        switch (event.getType()) {
        case BundleEvent.STARTING -> starting.put(id, nanoClock.getAsLong());
        case BundleEvent.STARTED -> {
            Long since = starting.remove(id);
            if (since != null) {
                activations.put(id, Duration.ofNanos(nanoClock.getAsLong() - since));
            }
        }
        // A start that failed sends STOPPING/STOPPED without STARTED: nothing to keep.
        case BundleEvent.STOPPING, BundleEvent.STOPPED -> starting.remove(id);
        default -> {
            // Other events do not bound a start.
        }
        }
    }

    /** The bundle's last start, {@code null} when it did not start while this timer listened. */
    Duration activationOf(long bundleId) {
        return activations.get(bundleId);
    }

    void forget(long bundleId) {
        starting.remove(bundleId);
        activations.remove(bundleId);
    }
}
