package org.milkbottle.marketplace.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class GroupCheckpointTest {

    @Test
    void commitsMadeDuringAWriteShareTheNextOneAndNoneReturnsBeforeIt() throws Exception {
        GroupCheckpoint checkpoint = new GroupCheckpoint();
        CountDownLatch firstWriteBegan = new CountDownLatch(1);
        CountDownLatch finishFirstWrite = new CountDownLatch(1);
        AtomicInteger writesBegun = new AtomicInteger();
        AtomicInteger writesEnded = new AtomicInteger();
        GroupCheckpoint.Write write = () -> {
            if (writesBegun.incrementAndGet() == 1) {
                firstWriteBegan.countDown();
                finishFirstWrite.await();
            }
            writesEnded.incrementAndGet();
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = threads.submit(() -> {
                checkpoint.await(write);
                return null;
            });
            assertThat(firstWriteBegan.await(10, TimeUnit.SECONDS)).isTrue();
            // three commits while the first write is under way: it began before them and cannot cover them
            List<Future<Integer>> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(threads.submit(() -> {
                    checkpoint.await(write);
                    return writesEnded.get();
                }));
            }
            Thread.sleep(200);
            assertThat(later).noneMatch(Future::isDone);
            finishFirstWrite.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<Integer> commit : later) {
                assertThat(commit.get(10, TimeUnit.SECONDS)).as("writes ended when it returned").isEqualTo(2);
            }
            assertThat(writesBegun).as("one write for the three").hasValue(2);
        } finally {
            finishFirstWrite.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedWriteIsTheWritersAndTheNextCallerWritesAgain() throws Exception {
        GroupCheckpoint checkpoint = new GroupCheckpoint();
        AtomicInteger writes = new AtomicInteger();

        assertThatThrownBy(() -> checkpoint.await(() -> {
            writes.incrementAndGet();
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        checkpoint.await(writes::incrementAndGet);

        assertThat(writes).hasValue(2);
    }
}
