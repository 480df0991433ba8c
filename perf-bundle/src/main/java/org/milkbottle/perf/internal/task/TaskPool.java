package org.milkbottle.perf.internal.task;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.util.promise.PromiseFactory;

/**
 * The runtime's one pool of task threads, and the promise factory whose callbacks run on it. Threads are
 * started on demand and end after a short idle time, so an idle runtime keeps none.
 */
final class TaskPool {

    /** Names of the pool's threads start with this (then a number from 1). */
    static final String THREAD_PREFIX = "milkbottle-task-";
    private static final long KEEP_ALIVE_SECONDS = 30;

    private final ThreadPoolExecutor executor;
    private final PromiseFactory promises;

    TaskPool(int size) {
        requirePositive(size);
        // An unbounded queue never rejects while the pool runs: the per-bundle limits, not the queue, keep one
        // bundle from crowding out the others.
        this.executor = new ThreadPoolExecutor(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new Threads());
        executor.allowCoreThreadTimeOut(true);
        this.promises = new PromiseFactory(executor);
    }

    void execute(Runnable task) {
        executor.execute(task);
    }

    PromiseFactory promises() {
        return promises;
    }

    int size() {
        return executor.getMaximumPoolSize();
    }

    /** Changes the number of threads; running work is not disturbed. */
    synchronized void resize(int size) {
        requirePositive(size);
        // The core size may never exceed the maximum, so the order depends on the direction.
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    /**
     * Stops the pool: running work is interrupted, and what was queued but never started is returned (task
     * handles and promise callbacks) so that the caller can settle it.
     */
    List<Runnable> shutdownNow() {
        return executor.shutdownNow();
    }

    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return executor.awaitTermination(timeout, unit);
    }

    private static void requirePositive(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the task pool needs at least 1 thread, not " + size);
        }
    }

    private static final class Threads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            // Nor does it inherit the submitting thread's inheritable thread-locals: the shell routes System.out per
            // command through one (Gogo's ThreadIO), and a worker writing into a command's finished pipe would
            // block for good (PDFBox logging from a pdf:text task after Ctrl-C did).
            Thread thread = new Thread(null, work, THREAD_PREFIX + count.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            // A new thread inherits the context class loader of whichever thread submitted the task that made
            // the pool grow, often a plugin's; keeping it would pin that plugin's class loader after an update.
            thread.setContextClassLoader(TaskPool.class.getClassLoader());
            return thread;
        }
    }
}
