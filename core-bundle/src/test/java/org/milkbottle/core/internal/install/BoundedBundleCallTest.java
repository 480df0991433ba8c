package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class BoundedBundleCallTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void aCallThatReturnsInTimeFinishes() throws Exception {
        assertThat(BoundedBundleCall.run(executor, () -> { }, Duration.ofSeconds(5), "x"))
                .isEqualTo(BoundedBundleCall.Outcome.FINISHED);
    }

    @Test
    void whatTheCallThrowsReachesTheCaller() {
        assertThatThrownBy(() -> BoundedBundleCall.run(executor, () -> {
            throw new BundleException("boom");
        }, Duration.ofSeconds(5), "x")).isInstanceOf(BundleException.class).hasMessage("boom");
        assertThatThrownBy(() -> BoundedBundleCall.run(executor, () -> {
            throw new IllegalStateException("uninstalled");
        }, Duration.ofSeconds(5), "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCallThatReturnsWhenInterruptedIsNotAbandoned() throws Exception {
        assertThat(BoundedBundleCall.run(executor, () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(100), "x")).isEqualTo(BoundedBundleCall.Outcome.FINISHED_WHEN_INTERRUPTED);
    }

    @Test
    void aCallThatIgnoresInterruptsIsLeftRunningAndTheCallerGoesOnWithinTheLimit() throws Exception {
        long started = System.nanoTime();
        BoundedBundleCall.Outcome outcome = BoundedBundleCall.run(executor, () -> {
            while (true) {
                try {
                    if (release.await(1, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException ignored) {
                    // an adversary
                }
            }
        }, Duration.ofMillis(100), "x");
        assertThat(outcome).isEqualTo(BoundedBundleCall.Outcome.STILL_RUNNING);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Duration.ofMillis(100).plus(BoundedBundleCall.GRACE).plusSeconds(2));
    }
}
