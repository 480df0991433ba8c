package org.milkbottle.perf.api;

import java.util.concurrent.CancellationException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Handed to running work so it can stop early: cancellation also interrupts the thread, but work that does
 * not block should look at {@link #isCancelled()} between steps.
 */
@ProviderType
public interface TaskContext {

    boolean isCancelled();

    /** @throws CancellationException when the work was cancelled */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancellationException("cancelled");
        }
    }
}
