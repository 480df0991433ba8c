package org.milkbottle.perf.internal.monitor.burn;

import java.util.concurrent.atomic.AtomicBoolean;

/** Stands for a busy plugin ("bundle 7" in the test): burns CPU and allocates until told to stop. */
public final class CpuBurner implements Runnable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Written so that the JIT cannot drop the work. */
    public volatile long sink;

    @Override
    public void run() {
        while (running.get()) {
            long sum = 0;
            for (int i = 0; i < 1_000; i++) {
                byte[] garbage = new byte[256];
                garbage[i % 256] = (byte) i;
                sum += garbage[(i * 7) % 256] + Long.rotateLeft(sum, 3);
            }
            sink = sum;
        }
    }

    public void stop() {
        running.set(false);
    }
}
