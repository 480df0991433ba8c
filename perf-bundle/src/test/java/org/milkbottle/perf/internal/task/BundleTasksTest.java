package org.milkbottle.perf.internal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.milkbottle.perf.internal.task.Waits.settled;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskInfo;
import org.osgi.util.promise.Promise;

class BundleTasksTest {

    private final TaskRegistry registry = new TaskRegistry(4, 2);
    private final BundleTasks a = registry.open(20, "com.acme.a");
    private final BundleTasks b = registry.open(21, "com.acme.b");
    /** Opened by the blocking tasks; every test opens it at the end so nothing stays blocked. */
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stopThePool() {
        gate.countDown();
        registry.deactivate();
    }

    @Test
    void aTaskResolvesItsPromiseWithItsResultOnANamedDaemonThread() throws Exception {
        Promise<String> promise = a.submit("answer", context -> Thread.currentThread().getName() + " "
                + Thread.currentThread().isDaemon());

        assertThat(settled(promise).getValue()).matches("milkbottle-task-\\d+ true");
    }

    @Test
    void aFailingTaskFailsItsPromiseWithWhatItThrew() throws Exception {
        IOException thrown = new IOException("disk gone");
        Promise<Object> promise = a.submit("read", context -> {
            throw thrown;
        });

        assertThat(settled(promise).getFailure()).isSameAs(thrown);
    }

    @Test
    void aBatchResolvesWithTheResultsInItemOrder() throws Exception {
        Batch<Integer> batch = a.batch("square", List.of(1, 2, 3, 4, 5, 6), (item, context) -> item * item);

        assertThat(settled(batch.result()).getValue()).containsExactly(1, 4, 9, 16, 25, 36);
        assertThat(batch.progress()).isEqualTo(new Batch.Progress(6, 6, 0, 0));
        assertThat(batch.cancel()).as("cancel after the end").isFalse();
    }

    @Test
    void aBatchWithAFailureRunsTheOtherItemsAndFailsWithTheFailure() throws Exception {
        IllegalArgumentException bad = new IllegalArgumentException("item 3 is bad");
        Batch<Integer> batch = a.batch("check", List.of(1, 2, 3, 4, 5), (item, context) -> {
            if (item == 3) {
                throw bad;
            }
            return item;
        });

        assertThat(settled(batch.result()).getFailure()).isSameAs(bad);
        assertThat(batch.progress()).isEqualTo(new Batch.Progress(5, 4, 1, 0));
    }

    @Test
    void anEmptyBatchIsResolvedAtOnce() throws Exception {
        Batch<Object> batch = a.batch("nothing", List.of(), (item, context) -> item);

        assertThat(batch.result().isDone()).isTrue();
        assertThat(batch.result().getValue()).isEmpty();
        assertThat(batch.progress().isDone()).isTrue();
        assertThat(batch.cancel()).isFalse();
    }

    @Test
    void progressCountsItemsAsTheyEnd() throws Exception {
        Batch<Integer> batch = a.batch("step", List.of(1, 2, 3), (item, context) -> {
            if (item == 3) {
                gate.await();
            }
            return item;
        });

        // Items 1 and 2 end while item 3 waits for the gate: progress shows them, the result is not there yet.
        Waits.until("two items counted", () -> batch.progress().succeeded() == 2);
        assertThat(batch.progress()).isEqualTo(new Batch.Progress(3, 2, 0, 0));
        assertThat(batch.result().isDone()).isFalse();

        gate.countDown();
        assertThat(settled(batch.result()).getValue()).containsExactly(1, 2, 3);
        assertThat(batch.progress().isDone()).isTrue();
    }

    @Test
    void oneBundleRunsAtMostItsLimitWhileAnotherBundlesTasksRun() throws Exception {
        AtomicInteger runningOfA = new AtomicInteger();
        AtomicInteger mostOfA = new AtomicInteger();
        CountDownLatch twoOfAStarted = new CountDownLatch(2);
        Batch<Integer> ofA = a.batch("a's work", List.of(1, 2, 3, 4, 5, 6), (item, context) -> {
            mostOfA.accumulateAndGet(runningOfA.incrementAndGet(), Math::max);
            twoOfAStarted.countDown();
            try {
                gate.await();
                return item;
            } finally {
                runningOfA.decrementAndGet();
            }
        });
        Waits.await(twoOfAStarted);

        // Two of the pool's four threads are free for b although a has four tasks waiting.
        CountDownLatch bothOfBRunning = new CountDownLatch(2);
        Batch<Integer> ofB = b.batch("b's work", List.of(1, 2), (item, context) -> {
            bothOfBRunning.countDown();
            Waits.await(bothOfBRunning);
            return item;
        });
        assertThat(settled(ofB.result()).getValue()).containsExactly(1, 2);

        assertThat(a.tasks()).extracting(TaskInfo::running).containsExactly(true, true, false, false, false, false);
        assertThat(a.tasks()).extracting(TaskInfo::description).startsWith("a's work (item 1 of 6)",
                "a's work (item 2 of 6)", "a's work (item 3 of 6)");
        assertThat(registry.tasks()).extracting(TaskInfo::bundle).containsOnly("com.acme.a");

        gate.countDown();
        assertThat(settled(ofA.result()).getValue()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(mostOfA).hasValue(2);
        assertThat(a.tasks()).isEmpty();
    }

    /** Repeated: cancelling item by item let a freed slot start a waiting item of the same batch, now and then. */
    @RepeatedTest(40)
    void cancellingABatchStopsItAllAndLeavesNoThreadBusy() throws Exception {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger sawCancelled = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        Batch<Integer> batch = a.batch("block", List.of(1, 2, 3, 4, 5, 6), (item, context) -> {
            started.incrementAndGet();
            twoStarted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                if (context.isCancelled()) {
                    sawCancelled.incrementAndGet();
                }
                throw e;
            }
            return item;
        });
        Waits.await(twoStarted);

        assertThat(batch.cancel()).isTrue();

        assertThat(settled(batch.result()).getFailure()).isInstanceOf(CancellationException.class)
                .hasMessageContaining("batch 'block' of com.acme.a (bundle 20) was cancelled");
        assertThat(started).as("waiting items never start").hasValue(2);
        assertThat(interrupted).as("running items are interrupted").hasValue(2);
        assertThat(sawCancelled).hasValue(2);
        assertThat(batch.progress()).isEqualTo(new Batch.Progress(6, 0, 0, 6));
        assertThat(a.tasks()).isEmpty();
        Waits.until("no task thread busy", () -> Waits.busyTaskThreads().isEmpty());

        registry.deactivate();
        Waits.until("no task thread alive", () -> Waits.aliveTaskThreads().isEmpty());
    }

    @Test
    void aCancelledRunningTaskThatIgnoresInterruptsStillEndsCancelled() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Batch<String> batch = a.batch("stubborn", List.of("x"), (item, context) -> {
            running.countDown();
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            return "finished anyway";
        });
        Waits.await(running);

        batch.cancel();

        assertThat(settled(batch.result()).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(batch.progress().cancelled()).isEqualTo(1);
    }

    @Test
    void aSubmittedTaskOfAClosedBundleIsCancelledAndNothingNewIsTaken() throws Exception {
        CountDownLatch twoRunning = new CountDownLatch(2);
        Promise<String> first = a.submit("one", context -> blockUntilCancelled(twoRunning));
        Promise<String> second = a.submit("two", context -> blockUntilCancelled(twoRunning));
        Promise<String> third = a.submit("three", context -> "never runs");
        Waits.await(twoRunning);
        assertThat(a.tasks()).extracting(TaskInfo::description, TaskInfo::running).containsExactly(
                tuple("one", true), tuple("two", true),
                tuple("three", false));

        registry.close(a);

        assertThat(settled(third).getFailure()).isInstanceOf(CancellationException.class)
                .hasMessageContaining("task 'three' of com.acme.a (bundle 20) was cancelled");
        assertThat(settled(first).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(settled(second).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(a.tasks()).isEmpty();
        assertThatThrownBy(() -> a.submit("late", context -> "no")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.acme.a (bundle 20) released its TaskExecutor");
        // b is not affected.
        assertThat(settled(b.submit("b", context -> "yes")).getValue()).isEqualTo("yes");
    }

    @Test
    void registryListsEveryBundlesTasksByBundle() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        b.submit("of b", context -> blockUntilCancelled(running));
        a.submit("of a", context -> blockUntilCancelled(running));
        Waits.await(running);

        assertThat(registry.tasks()).extracting(TaskInfo::bundle, TaskInfo::bundleId, TaskInfo::description)
                .containsExactly(tuple("com.acme.a", 20L, "of a"),
                        tuple("com.acme.b", 21L, "of b"));
    }

    private static String blockUntilCancelled(CountDownLatch running) throws InterruptedException {
        running.countDown();
        new CountDownLatch(1).await();
        return "not reached";
    }
}
