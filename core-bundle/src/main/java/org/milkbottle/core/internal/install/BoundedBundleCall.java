package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.milkbottle.api.PluginException;
import org.osgi.framework.BundleException;

/**
 * Runs a start or stop of a bundle on a worker thread, so that the caller can stop waiting for it. Felix runs
 * a bundle's activator on the calling thread and has no time limit of its own: without this, an activator that
 * never returns would keep the plugin manager (and its lock) with it.
 */
final class BoundedBundleCall {

    /** A lifecycle call on a bundle. */
    interface Action {
        void run() throws BundleException;
    }

    /** How the call ended, as far as the caller waited. */
    enum Outcome {
        /** It returned (or threw) within the limit. */
        FINISHED,
        /** It passed the limit but returned once interrupted; the bundle can be handled as usual. */
        FINISHED_WHEN_INTERRUPTED,
        /** It still runs: the worker thread stays inside the bundle's code, holding Felix's bundle lock. */
        STILL_RUNNING
    }

    /** How long a call that passed its limit gets to react to the interrupt. */
    static final Duration GRACE = Duration.ofMillis(500);

    private BoundedBundleCall() {
    }

    /**
     * Runs {@code action} and waits at most {@code limit} (plus {@link #GRACE} after an interrupt).
     *
     * @throws BundleException what the action threw, when it finished within the limit
     */
    static Outcome run(ExecutorService executor, Action action, Duration limit, String what) throws BundleException {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Future<?> task = executor.submit(() -> {
            try {
                action.run();
                result.complete(null);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.FINISHED;
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            task.cancel(true); // a well-behaved activator returns when interrupted
            try {
                result.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException still) {
                return Outcome.STILL_RUNNING;
            } catch (ExecutionException failedWhenInterrupted) {
                // it gave up because of the interrupt: the limit is what the caller reports
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Outcome.STILL_RUNNING;
            }
            return Outcome.FINISHED_WHEN_INTERRUPTED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("Interrupted while waiting for " + what, e);
        }
    }

    private static BundleException rethrow(Throwable error) {
        if (error instanceof BundleException bundleException) {
            return bundleException;
        }
        if (error instanceof RuntimeException runtimeException) {
            throw runtimeException;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new BundleException(String.valueOf(error.getMessage()), error);
    }
}
