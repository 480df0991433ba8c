package org.milkbottle.perf.internal.task;

import org.milkbottle.perf.testing.UsingBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.milkbottle.perf.internal.task.Waits.settled;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskInfo;
import org.osgi.util.promise.Promise;

/** The bundle-scoped component and the registry's life cycle: release, configuration change, shutdown. */
class BundleTaskExecutorTest {

    private final TaskRegistry registry = new TaskRegistry(4, 2);
    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void stopThePool() {
        gate.countDown();
        registry.deactivate();
    }

    @Test
    void releasingTheServiceCancelsTheBundlesTasks() throws Exception {
        BundleTaskExecutor executor = new BundleTaskExecutor(registry, UsingBundle.context(30, "com.acme.x"));
        BundleTaskExecutor other = new BundleTaskExecutor(registry, UsingBundle.context(31, "com.acme.y"));
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        CountDownLatch twoRunning = new CountDownLatch(2);
        Batch<Integer> batch = executor.batch("block", List.of(1, 2, 3, 4), (item, context) -> {
            started.incrementAndGet();
            twoRunning.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                throw e;
            }
            return item;
        });
        Waits.await(twoRunning);
        CountDownLatch otherRunning = new CountDownLatch(1);
        Promise<String> ofOther = other.submit("other", context -> {
            otherRunning.countDown();
            gate.await();
            return "done";
        });
        Waits.await(otherRunning);
        assertThat(executor.tasks()).extracting(TaskInfo::bundleId).containsOnly(30L).hasSize(4);

        executor.deactivate();

        assertThat(settled(batch.result()).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(batch.progress()).isEqualTo(new Batch.Progress(4, 0, 0, 4));
        assertThat(started).hasValue(2);
        assertThat(interrupted).hasValue(2);
        assertThat(registry.tasks()).extracting(TaskInfo::bundle).containsExactly("com.acme.y");

        gate.countDown();
        assertThat(settled(ofOther).getValue()).isEqualTo("done");
    }

    @Test
    void aRaisedLimitStartsWaitingTasksAtOnce() throws Exception {
        TaskRegistry small = new TaskRegistry(1, 1);
        try {
            BundleTasks tasks = small.open(40, "com.acme.z");
            CountDownLatch bothRunning = new CountDownLatch(2);
            Promise<String> first = tasks.submit("first", context -> {
                bothRunning.countDown();
                Waits.await(bothRunning);
                return "first";
            });
            Promise<String> second = tasks.submit("second", context -> {
                bothRunning.countDown();
                Waits.await(bothRunning);
                return "second";
            });
            assertThat(tasks.tasks()).extracting(TaskInfo::description).containsExactly("first", "second");

            small.modified(config(2, 2));

            assertThat(settled(first).getValue()).isEqualTo("first");
            assertThat(settled(second).getValue()).isEqualTo("second");
        } finally {
            small.deactivate();
        }
    }

    @Test
    void shuttingDownInterruptsRunningTasksAndEndsEveryThread() throws Exception {
        BundleTasks tasks = registry.open(50, "com.acme.w");
        CountDownLatch running = new CountDownLatch(2);
        Promise<String> one = tasks.submit("one", context -> {
            running.countDown();
            gate.await();
            return "one";
        });
        Promise<String> two = tasks.submit("two", context -> {
            running.countDown();
            gate.await();
            return "two";
        });
        Promise<String> waiting = tasks.submit("three", context -> "three");
        Waits.await(running);

        registry.deactivate();

        assertThat(settled(one).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(settled(two).getFailure()).isInstanceOf(CancellationException.class);
        assertThat(settled(waiting).getFailure()).isInstanceOf(CancellationException.class);
        Waits.until("no task thread alive", () -> Waits.aliveTaskThreads().isEmpty());
    }

    private static TaskConfig config(int poolSize, int perBundleConcurrency) {
        return (TaskConfig) Proxy.newProxyInstance(TaskConfig.class.getClassLoader(),
                new Class<?>[] {TaskConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "poolSize" -> poolSize;
                    case "perBundleConcurrency" -> perBundleConcurrency;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
