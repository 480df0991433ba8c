package org.milkbottle.perf.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.util.promise.Promise;

/**
 * A batch of items worked on in parallel.
 *
 * @param <R> the result of one item
 */
@ProviderType
public interface Batch<R> {

    /** The results in the order of the items, once all are done. */
    Promise<List<R>> result();

    /** How far the batch has got. */
    Progress progress();

    /**
     * Cancels the batch: items not started never start, running ones are interrupted and see
     * {@link TaskContext#isCancelled()}; the result fails with a {@link java.util.concurrent.CancellationException}.
     *
     * @return {@code false} when the batch had already finished
     */
    boolean cancel();

    /**
     * How far a batch has got.
     *
     * @param total the items in the batch
     * @param succeeded items done without error
     * @param failed items that threw
     * @param cancelled items cancelled before or while they ran
     */
    record Progress(int total, int succeeded, int failed, int cancelled) {

        /** Items finished one way or another. */
        public int finished() {
            return succeeded + failed + cancelled;
        }

        public boolean isDone() {
            return finished() == total;
        }
    }
}
