package org.milkbottle.perf.internal.monitor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Owns the sampler thread ({@value #THREAD_NAME}, a daemon): runs the sampling cycle and the JVM probe at a fixed
 * delay, and stops it — joined, nothing left behind — on {@link #stop()}.
 */
final class UsageSampler {

    static final String THREAD_NAME = "milkbottle-perf-sampler";
    private static final System.Logger LOG = System.getLogger(UsageSampler.class.getName());
    private static final long JOIN_SECONDS = 10;

    private final Runnable cycle;
    private ScheduledExecutorService executor;

    /** @param cycle one sample; runs on the sampler thread only */
    UsageSampler(Runnable cycle) {
        this.cycle = cycle;
    }

    synchronized void start(long firstDelayMillis, long intervalMillis) {
        stop();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        // Fixed delay, not rate: a slow sample must not be followed by a burst of catch-up samples; the windows
        // are measured, not assumed.
        executor.scheduleWithFixedDelay(this::sampleOnce, Math.max(0, firstDelayMillis), Math.max(10, intervalMillis),
                TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(JOIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, THREAD_NAME + " did not end within " + JOIN_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    private void sampleOnce() {
        try {
            cycle.run();
        } catch (RuntimeException | LinkageError e) {
            // An exception would cancel the schedule for good; one bad sample must not end monitoring.
            LOG.log(System.Logger.Level.WARNING, "Performance sample failed; the next one will be tried", e);
        }
    }
}
