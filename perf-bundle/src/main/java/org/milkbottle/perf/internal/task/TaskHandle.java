package org.milkbottle.perf.internal.task;

import java.time.Instant;
import java.util.function.Consumer;

import org.milkbottle.perf.api.TaskContext;
import org.milkbottle.perf.api.TaskExecutor.Task;
import org.milkbottle.perf.api.TaskInfo;

/**
 * One task from submission until it is settled: it waits in its bundle's queue, is handed to the pool when the
 * bundle has a free slot, runs, and tells its {@link Listener} how it ended, exactly once. A task cancelled
 * while it runs is settled only when its work returns, so that "settled" always means no thread works on it.
 *
 * @param <T> the task's result
 */
final class TaskHandle<T> implements Runnable, TaskContext {

    /** Told once how a task ended. */
    interface Listener<T> {

        void succeeded(T result);

        void failed(Throwable failure);

        void cancelled();
    }

    private final TaskOwner owner;
    private final String description;
    private final Instant submitted = Instant.now();
    private final Task<T> task;
    private final Listener<T> listener;
    private final Consumer<TaskHandle<?>> slotFreed;
    private volatile boolean cancelled;
    /** The thread running the work, only while it runs: the one a cancel may interrupt. */
    private Thread thread;
    private boolean started;
    private boolean done;

    /**
     * @param slotFreed called when the task no longer occupies one of its bundle's slots, before the listener
     *        hears of it (so that the next task can start as soon as possible)
     */
    TaskHandle(TaskOwner owner, String description, Task<T> task, Listener<T> listener,
            Consumer<TaskHandle<?>> slotFreed) {
        this.owner = owner;
        this.description = description;
        this.task = task;
        this.listener = listener;
        this.slotFreed = slotFreed;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    synchronized TaskInfo info() {
        return new TaskInfo(owner.symbolicName(), owner.bundleId(), description, started && !done, submitted);
    }

    /**
     * Cancels a task that was handed to the pool: it will not start, or its thread is interrupted and its work
     * sees {@link #isCancelled()}.
     *
     * @return {@code false} when it had already ended
     */
    synchronized boolean cancel() {
        if (done) {
            return false;
        }
        cancelled = true;
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    /**
     * Settles a task that was never handed to the pool (its bundle took it out of its queue) as cancelled.
     *
     * @return {@code false} when it had already ended
     */
    boolean cancelWaiting() {
        synchronized (this) {
            if (done) {
                return false;
            }
            cancelled = true;
            done = true;
        }
        listener.cancelled();
        return true;
    }

    @Override
    public void run() {
        boolean start;
        synchronized (this) {
            start = !cancelled;
            if (start) {
                thread = Thread.currentThread();
                started = true;
            }
        }
        T result = null;
        Throwable failure = null;
        if (start) {
            try {
                result = task.call(this);
            } catch (Throwable e) {
                // Errors too: the promise must settle whatever happened, or whoever waits on it waits forever.
                failure = e;
            }
        }
        synchronized (this) {
            thread = null;
            done = true;
        }
        // A cancel may have interrupted this thread after the work returned; the pool thread must not carry
        // that interrupt into the next task. No cancel can interrupt it any more once thread is null.
        Thread.interrupted();
        slotFreed.accept(this);
        if (cancelled) {
            listener.cancelled();
        } else if (failure != null) {
            listener.failed(failure);
        } else {
            listener.succeeded(result);
        }
    }

    @Override
    public String toString() {
        return "task '" + description + "' of " + owner;
    }
}
