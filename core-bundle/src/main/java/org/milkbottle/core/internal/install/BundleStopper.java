package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Stops a bundle and waits at most the plugin manager's limit. A stop that does not return even when
 * interrupted is abandoned (see {@link AbandonedBundles}): Felix keeps the bundle locked, STOPPING, for as
 * long as its activator's {@code stop} runs, so nothing else can be done with it anyway.
 */
public final class BundleStopper {

    private static final System.Logger LOG = System.getLogger(BundleStopper.class.getName());

    private final ExecutorService executor;
    private final AbandonedBundles abandoned;
    private final Supplier<Duration> limit;

    public BundleStopper(ExecutorService executor, AbandonedBundles abandoned, Supplier<Duration> limit) {
        this.executor = executor;
        this.abandoned = abandoned;
        this.limit = limit;
    }

    /**
     * Stops {@code bundle} and records it as stopped.
     *
     * @throws PluginException when the stop fails, passes the limit, or the bundle was abandoned before
     */
    public void stop(Bundle bundle) {
        abandoned.refuse(bundle);
        String label = BundleStarter.label(bundle);
        Duration timeout = limit.get();
        BoundedBundleCall.Outcome outcome;
        try {
            outcome = BoundedBundleCall.run(executor, bundle::stop, timeout, "the stop of " + label);
        } catch (BundleException | RuntimeException e) {
            throw new PluginException("Stopping " + label + " failed: " + BundleStarter.rootMessage(e), e);
        }
        switch (outcome) {
            case STILL_RUNNING -> {
                abandoned.abandon(bundle, "its stop did not return");
                throw new PluginException(label + " did not finish stopping within " + BundleStarter.seconds(timeout)
                        + " s and does not return even when interrupted. MilkBottle abandoned it: it is no longer"
                        + " recorded as installed, requests that name it are refused, and it is uninstalled as soon as"
                        + " its stop returns (or at the next start of the runtime). Fix the plugin so that its"
                        + " activator's stop returns promptly.");
            }
            case FINISHED_WHEN_INTERRUPTED -> throw new PluginException(label + " did not finish stopping within "
                    + BundleStarter.seconds(timeout) + " s: its stop blocked and was interrupted. Fix the plugin so"
                    + " that its activator's stop returns promptly.");
            case FINISHED -> { }
        }
    }

    /** Stops {@code bundle} if it can; a failure is only logged (the bundle is being replaced or removed). */
    public void stopQuietly(Bundle bundle) {
        if (abandoned.contains(bundle) || bundle.getState() == Bundle.UNINSTALLED) {
            return;
        }
        try {
            stop(bundle);
        } catch (PluginException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
        }
    }
}
