package org.milkbottle.perf.internal.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.util.promise.Promise;

/** Bounded waits for an event: they fail the test after 10 s, they never decide anything by timing. */
final class Waits {

    private static final long LIMIT_MILLIS = 10_000;

    private Waits() {
    }

    /** {@code promise} once settled. */
    static <T> Promise<T> settled(Promise<T> promise) throws InterruptedException {
        CountDownLatch settled = new CountDownLatch(1);
        promise.onResolve(settled::countDown);
        assertThat(settled.await(LIMIT_MILLIS, TimeUnit.MILLISECONDS)).as("promise settled within 10 s").isTrue();
        return promise;
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(LIMIT_MILLIS, TimeUnit.MILLISECONDS)).as("latch reached within 10 s").isTrue();
    }

    /** Polls {@code condition} until it holds; fails the test when it still does not after 10 s. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < end).as(what + " within 10 s").isTrue();
            Thread.sleep(5);
        }
    }

    /** The pool's threads that are not idle (an idle one waits in the pool for work). */
    static List<String> busyTaskThreads() {
        return taskThreads().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).noneMatch(frame -> frame.getMethodName().equals("getTask")
                        && frame.getClassName().equals(ThreadPoolExecutor.class.getName())))
                .map(e -> e.getKey().getName()).toList();
    }

    static List<String> aliveTaskThreads() {
        return taskThreads().keySet().stream().filter(Thread::isAlive).map(Thread::getName).toList();
    }

    private static Map<Thread, StackTraceElement[]> taskThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        all.keySet().removeIf(t -> !t.getName().startsWith(TaskPool.THREAD_PREFIX));
        return all;
    }
}
