package org.milkbottle.core.internal.install;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Where transactions run: one thread of their own, which nothing outside interrupts. A transaction interrupted half
 * way — Ctrl-C in the shell interrupts the command's thread — would see its bounded starts and stops fail at once
 * and its state files refuse to be written (an interrupted thread cannot write through a channel), leaving the
 * runtime half-changed. The caller waits for the end however often it is interrupted, and keeps the interrupt for
 * afterwards.
 */
public final class TransactionThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
        Thread worker = new Thread(null, work, "milkbottle-transactions", 0, false);
        worker.setDaemon(true);
        return worker;
    });
    private volatile Thread worker;

    /** Runs {@code work} on the transaction thread (at once, when called from it) and returns its result. */
    public <T> T run(Supplier<T> work) {
        if (Thread.currentThread() == worker) {
            return work.get();
        }
        Future<T> result = thread.submit(() -> {
            worker = Thread.currentThread();
            return work.get();
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the transaction runs to its end; the interrupt is the caller's again after
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the thread: a transaction still running is interrupted (the framework is stopping). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
