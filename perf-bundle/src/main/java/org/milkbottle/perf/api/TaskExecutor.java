package org.milkbottle.perf.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.util.promise.Promise;

/**
 * Parallel work on the runtime's shared pool (as many threads as cores), for the bundle that got this service:
 * each bundle gets its own instance, which runs at most the configured number of that bundle's tasks at a time
 * (the rest wait in order), so one bundle cannot take the whole pool. Results are OSGi promises.
 * When the bundle releases the service, its waiting tasks are cancelled and its running ones interrupted.
 */
@ProviderType
public interface TaskExecutor {

    /**
     * Runs {@code task} when a slot is free.
     *
     * @param description what the task does, shown by {@code mb:perf tasks} while it waits or runs
     * @return resolved with the task's result, or failed with what it threw ({@link java.util.concurrent.CancellationException}
     *         when it was cancelled)
     */
    <T> Promise<T> submit(String description, Task<T> task);

    /**
     * Runs {@code work} on each item, in parallel within the bundle's limit. The batch's promise resolves
     * with the results in the order of {@code items} once every item is done; it fails with the first
     * failure, after the other items have finished or been cancelled.
     *
     * @param description what the batch does
     */
    <I, R> Batch<R> batch(String description, List<I> items, Work<I, R> work);

    /** The bundle's tasks that wait or run now. */
    List<TaskInfo> tasks();

    /** A unit of work that may check whether it was cancelled. */
    @FunctionalInterface
    interface Task<T> {
        T call(TaskContext context) throws Exception;
    }

    /** Work on one item of a batch. */
    @FunctionalInterface
    interface Work<I, R> {
        R apply(I item, TaskContext context) throws Exception;
    }
}
