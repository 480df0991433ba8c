package org.milkbottle.perf.internal.monitor.idle;

import java.util.concurrent.CountDownLatch;

/** Stands for an idle plugin ("bundle 8" in the test): waits until released. */
public final class ParkedWorker implements Runnable {

    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void run() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void release() {
        release.countDown();
    }
}
