package org.milkbottle.marketplace.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at the same moment (issue 10 #8): a new name gets exactly one owner, whose versions are the
 * only ones stored under it; one user keeps one rating; nobody sees a database error. Against embedded
 * H2; {@link PostgresPluginStoreRaceTest} runs the same against PostgreSQL.
 */
class PluginStoreRaceTest {

    static final int CLIENTS = 24;

    @TempDir
    Path dir;

    private PluginStore store;

    DataSource dataSource() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void open() throws Exception {
        store = new PluginStore(new Database(dataSource()));
    }

    /** Runs {@code task(i)} for every client at once; returns what each ended with ("ok" or the exception). */
    private static List<Object> race(Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        task.run(client);
                        return "ok";
                    } catch (Exception e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    interface Task {
        void run(int client) throws Exception;
    }

    @Test
    void aNewNameGetsOneOwnerUnderConcurrentPublishers() throws Exception {
        List<Object> outcomes = race(client -> store.insert(PluginStoreTest.row("com.acme.race", "1.0." + client),
                "owner" + client, () -> { }));

        String owner = store.owner("com.acme.race").orElseThrow();
        Map<String, Integer> tally = new ConcurrentHashMap<>();
        for (int client = 0; client < CLIENTS; client++) {
            Object outcome = outcomes.get(client);
            if (outcome.equals("ok")) {
                assertThat("owner" + client).as("only the owner stores a version").isEqualTo(owner);
                tally.merge("stored", 1, Integer::sum);
            } else {
                assertThat(outcome).as("client %d", client).isInstanceOf(PluginStore.NotOwnerException.class);
                assertThat(((PluginStore.NotOwnerException) outcome).owner()).isEqualTo(owner);
                tally.merge("refused", 1, Integer::sum);
            }
        }
        assertThat(tally).containsEntry("stored", 1).containsEntry("refused", CLIENTS - 1);
        assertThat(store.versions()).hasSize(1);
    }

    @Test
    void oneOwnerPublishingManyVersionsAtOnceStoresThemAll() throws Exception {
        List<Object> outcomes = race(client -> store.insert(PluginStoreTest.row("com.acme.many", "2.0." + client),
                "alice", () -> { }));

        assertThat(outcomes).containsOnly("ok");
        assertThat(store.versions()).hasSize(CLIENTS);
        assertThat(store.owner("com.acme.many")).contains("alice");
    }

    @Test
    void theSameVersionAtOnceIsStoredOnceAndTheRestAreDuplicates() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger steps = new AtomicInteger();
        List<Object> outcomes = race(client -> store.insert(PluginStoreTest.row("com.acme.same", "3.0.0"), "alice",
                () -> {
                    // what a publish does here: stores the jar; slow, so that a second step would overlap it
                    steps.incrementAndGet();
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                }));

        assertThat(outcomes.stream().filter("ok"::equals)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !"ok".equals(o)))
                .allMatch(o -> o instanceof PluginStore.DuplicateException);
        assertThat(store.versions()).hasSize(1);
        assertThat(steps).as("only the insert that commits runs its step: a duplicate stores no file").hasValue(1);
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void aStepThatFailsRollsTheVersionBack() throws Exception {
        assertThatThrownBy(() -> store.insert(PluginStoreTest.row("com.acme.failed", "1.0.0"), "alice", () -> {
            throw new java.io.IOException("disk full");
        })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");

        assertThat(store.versions()).isEmpty();
        assertThat(store.owner("com.acme.failed")).isEmpty();
        store.insert(PluginStoreTest.row("com.acme.failed", "1.0.0"), "bob", () -> { });
        assertThat(store.owner("com.acme.failed")).contains("bob");
    }

    @Test
    void oneUserRatingAtOnceKeepsOneRating() throws Exception {
        store.insert(PluginStoreTest.row("com.acme.rated", "1.0.0"), "alice", () -> { });

        List<Object> outcomes = race(client -> store.rate("com.acme.rated", "ann", 1 + client % 5, "take " + client));

        assertThat(outcomes).containsOnly("ok");
        assertThat(store.reviews("com.acme.rated")).hasSize(1);
        assertThat(store.ratingTotals().count()).containsEntry("com.acme.rated", 1);
    }
}
