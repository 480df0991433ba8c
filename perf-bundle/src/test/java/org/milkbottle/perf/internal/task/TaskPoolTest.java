package org.milkbottle.perf.internal.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TaskPoolTest {

    /** Like Gogo's ThreadIO, which routes System.out per shell command through an inheritable thread-local. */
    private static final InheritableThreadLocal<String> COMMAND_OUTPUT = new InheritableThreadLocal<>();

    @Test
    void workersInheritNeitherTheSubmittersThreadLocalsNorItsClassLoader() throws Exception {
        TaskPool pool = new TaskPool(1);
        CompletableFuture<String> seen = new CompletableFuture<>();
        CompletableFuture<ClassLoader> loader = new CompletableFuture<>();
        Thread submitter = new Thread(() -> {
            COMMAND_OUTPUT.set("the pipe of a finished command");
            Thread.currentThread().setContextClassLoader(new ClassLoader() {
            });
            pool.execute(() -> {
                seen.complete(String.valueOf(COMMAND_OUTPUT.get()));
                loader.complete(Thread.currentThread().getContextClassLoader());
            });
        });
        submitter.start();
        try {
            assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("null");
            assertThat(loader.get(10, TimeUnit.SECONDS)).isSameAs(TaskPool.class.getClassLoader());
        } finally {
            pool.shutdownNow();
            // other tests count this JVM's task threads: leave none behind
            Waits.until("no task thread alive", () -> Waits.aliveTaskThreads().isEmpty());
        }
    }
}
