package org.milkbottle.perf.internal.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskExecutor.Work;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;

/**
 * A batch: one task per item, counted as they end. Its promise settles only when every item has ended, so
 * that a failed or cancelled batch has no work left running: with the results in item order, else a
 * {@link CancellationException} when any item was cancelled, else the first failure. An item that fails does
 * not stop the others.
 *
 * @param <R> the result of one item
 */
final class TaskBatch<R> implements Batch<R> {

    private final BundleTasks tasks;
    private final String description;
    private final Deferred<List<R>> result;
    private final Object[] results;
    private final List<TaskHandle<R>> handles;
    private int succeeded;
    private int failed;
    private int cancelled;
    private Throwable firstFailure;
    private boolean cancelRequested;
    private boolean settled;

    private TaskBatch(BundleTasks tasks, String description, int total, Deferred<List<R>> result) {
        this.tasks = tasks;
        this.description = description;
        this.result = result;
        this.results = new Object[total];
        this.handles = new ArrayList<>(total);
    }

    static <I, R> TaskBatch<R> start(BundleTasks tasks, String description, List<I> items, Work<I, R> work) {
        List<I> copy = List.copyOf(items);
        TaskBatch<R> batch = new TaskBatch<>(tasks, description, copy.size(), tasks.pool().promises().deferred());
        if (copy.isEmpty()) {
            batch.result.resolve(List.of());
            return batch;
        }
        int total = copy.size();
        for (int i = 0; i < total; i++) {
            I item = copy.get(i);
            int index = i;
            String itemDescription = description + " (item " + (i + 1) + " of " + total + ")";
            // The handle list is filled before the caller can cancel (cancel needs the batch we return); items
            // may already end meanwhile, which only touches the counters.
            synchronized (batch) {
                batch.handles.add(tasks.enqueue(itemDescription, context -> work.apply(item, context),
                        batch.new ItemListener(index)));
            }
        }
        return batch;
    }

    @Override
    public Promise<List<R>> result() {
        return result.getPromise();
    }

    @Override
    public synchronized Progress progress() {
        return new Progress(results.length, succeeded, failed, cancelled);
    }

    @Override
    public boolean cancel() {
        List<TaskHandle<R>> toCancel;
        synchronized (this) {
            if (progress().isDone()) {
                return false;
            }
            cancelRequested = true;
            toCancel = new ArrayList<>(handles);
        }
        tasks.cancelAll(toCancel);
        return true;
    }

    /** Settles the batch's promise once the last item has ended. */
    private void itemEnded() {
        Runnable settle;
        synchronized (this) {
            // Two items ending at once may both see the batch done; only one may settle it.
            if (settled || !progress().isDone()) {
                return;
            }
            settled = true;
            if (cancelRequested || cancelled > 0) {
                CancellationException cancellation = new CancellationException(
                        "batch '" + description + "' of " + tasks.owner() + " was cancelled (" + succeeded
                                + " items succeeded, " + failed + " failed, " + cancelled + " cancelled)");
                settle = () -> result.fail(cancellation);
            } else if (firstFailure != null) {
                Throwable failure = firstFailure;
                settle = () -> result.fail(failure);
            } else {
                @SuppressWarnings("unchecked")
                List<R> list = (List<R>) Collections.unmodifiableList(Arrays.asList(results.clone()));
                settle = () -> result.resolve(list);
            }
        }
        settle.run();
    }

    private final class ItemListener implements TaskHandle.Listener<R> {

        private final int index;

        ItemListener(int index) {
            this.index = index;
        }

        @Override
        public void succeeded(R value) {
            synchronized (TaskBatch.this) {
                results[index] = value;
                succeeded++;
            }
            itemEnded();
        }

        @Override
        public void failed(Throwable failure) {
            synchronized (TaskBatch.this) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = failure;
                }
            }
            itemEnded();
        }

        @Override
        public void cancelled() {
            synchronized (TaskBatch.this) {
                cancelled++;
            }
            itemEnded();
        }
    }
}
