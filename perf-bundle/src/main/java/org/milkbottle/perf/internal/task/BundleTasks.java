package org.milkbottle.perf.internal.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntSupplier;

import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskExecutor;
import org.milkbottle.perf.api.TaskInfo;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;

/**
 * One bundle's tasks on the shared pool: at most {@code limit} of them hold a slot (handed to the pool, queued
 * there or running); the others wait here in order. A task is handed to the pool only when a slot is free, so
 * no pool thread ever blocks waiting for a bundle's permit.
 */
final class BundleTasks implements TaskExecutor {

    private final TaskOwner owner;
    private final TaskPool pool;
    private final IntSupplier limit;
    private final ArrayDeque<TaskHandle<?>> waiting = new ArrayDeque<>();
    /** The tasks holding a slot, in the order they got it. */
    private final Set<TaskHandle<?>> holding = new LinkedHashSet<>();
    private boolean closed;

    /** @param limit how many of the bundle's tasks may hold a slot; read each time, so a new configuration applies */
    BundleTasks(TaskOwner owner, TaskPool pool, IntSupplier limit) {
        this.owner = owner;
        this.pool = pool;
        this.limit = limit;
    }

    TaskOwner owner() {
        return owner;
    }

    TaskPool pool() {
        return pool;
    }

    @Override
    public <T> Promise<T> submit(String description, Task<T> task) {
        Objects.requireNonNull(task, () -> owner + " submitted a null task ('" + description + "')");
        Deferred<T> deferred = pool.promises().deferred();
        enqueue(description, task, new TaskHandle.Listener<>() {
            @Override
            public void succeeded(T result) {
                deferred.resolve(result);
            }

            @Override
            public void failed(Throwable failure) {
                deferred.fail(failure);
            }

            @Override
            public void cancelled() {
                deferred.fail(new CancellationException("task '" + description + "' of " + owner + " was cancelled"));
            }
        });
        return deferred.getPromise();
    }

    @Override
    public <I, R> Batch<R> batch(String description, List<I> items, Work<I, R> work) {
        Objects.requireNonNull(items, () -> owner + " started batch '" + description + "' without items");
        Objects.requireNonNull(work, () -> owner + " started batch '" + description + "' without work");
        return TaskBatch.start(this, description, items, work);
    }

    /** Queues a task and starts it if the bundle has a free slot. */
    <T> TaskHandle<T> enqueue(String description, Task<T> task, TaskHandle.Listener<T> listener) {
        TaskHandle<T> handle = new TaskHandle<>(owner, description, task, listener, this::slotFreed);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(owner + " released its TaskExecutor; task '" + description
                        + "' cannot run any more. Get the service again.");
            }
            waiting.add(handle);
        }
        dispatch();
        return handle;
    }

    /** Hands waiting tasks to the pool while the bundle has free slots. */
    void dispatch() {
        List<TaskHandle<?>> starting = new ArrayList<>();
        synchronized (this) {
            int slots = Math.max(1, limit.getAsInt());
            while (!closed && holding.size() < slots && !waiting.isEmpty()) {
                TaskHandle<?> next = waiting.poll();
                holding.add(next);
                starting.add(next);
            }
        }
        for (TaskHandle<?> handle : starting) {
            try {
                pool.execute(handle);
            } catch (RejectedExecutionException e) {
                // The pool only refuses once it has shut down: nothing of this bundle can run any more.
                close();
                handle.cancel();
                handle.run();
            }
        }
    }

    private void slotFreed(TaskHandle<?> handle) {
        synchronized (this) {
            holding.remove(handle);
        }
        dispatch();
    }

    /**
     * Cancels several tasks at once (a batch): every one still waiting is taken out of the queue before any running
     * one is interrupted. One by one, an interrupted item's freed slot would start the next waiting item of the very
     * batch being cancelled.
     */
    void cancelAll(List<? extends TaskHandle<?>> handles) {
        List<TaskHandle<?>> wereWaiting = new ArrayList<>();
        synchronized (this) {
            for (TaskHandle<?> handle : handles) {
                if (waiting.remove(handle)) {
                    wereWaiting.add(handle);
                }
            }
        }
        wereWaiting.forEach(TaskHandle::cancelWaiting);
        for (TaskHandle<?> handle : handles) {
            if (!wereWaiting.contains(handle)) {
                handle.cancel();
            }
        }
    }

    @Override
    public synchronized List<TaskInfo> tasks() {
        List<TaskInfo> tasks = new ArrayList<>(holding.size() + waiting.size());
        holding.forEach(h -> tasks.add(h.info()));
        waiting.forEach(h -> tasks.add(h.info()));
        return tasks;
    }

    /** Cancels every waiting task and interrupts every running one; the bundle can submit nothing more. */
    void close() {
        List<TaskHandle<?>> neverStarted;
        List<TaskHandle<?>> started;
        synchronized (this) {
            closed = true;
            neverStarted = new ArrayList<>(waiting);
            waiting.clear();
            started = new ArrayList<>(holding);
        }
        neverStarted.forEach(TaskHandle::cancelWaiting);
        started.forEach(TaskHandle::cancel);
    }
}
