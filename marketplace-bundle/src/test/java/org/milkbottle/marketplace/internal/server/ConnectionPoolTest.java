package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.marketplace.internal.store.Database;
import org.milkbottle.marketplace.internal.store.PluginStore;

import com.zaxxer.hikari.HikariDataSource;

/** The pooled database: closing it while store calls are running, then opening it again at once. */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    private JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        return h2;
    }

    @Test
    void closingWhileBusyShutsH2DownWithoutTheSessionsItRefusesAndItOpensAgainAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            JdbcDataSource direct = h2();
            HikariDataSource pool = ConnectionPool.over(direct);
            Database database = new Database(pool, direct, pool::close);
            PluginStore store = new PluginStore(database);
            String token = String.format("%064d", round);
            store.addToken(token, "alice");
            List<Throwable> escaped = new CopyOnWriteArrayList<>();
            AtomicBoolean closed = new AtomicBoolean();
            CountDownLatch busy = new CountDownLatch(2);
            List<Thread> callers = List.of(caller(store, busy, closed, escaped), caller(store, busy, closed, escaped));
            callers.forEach(Thread::start);
            busy.await();

            database.close();
            closed.set(true);
            for (Thread caller : callers) {
                // a caller that asked for a connection while the pool closed waits inside HikariCP until its
                // connection timeout (30 s: closing does not wake it); this test does not wait that long
                caller.interrupt();
                caller.join(10_000);
                assertThat(caller.isAlive()).as("a caller still running after the close").isFalse();
            }

            assertThat(pool.isClosed()).isTrue();
            // a call racing the close fails with a storage error, nothing else. Which one depends on where the call
            // was (the pool closed, the wait for a connection interrupted, H2 in exclusive mode, the session or the
            // transaction closed under it, ...): a list of messages failed CI twice, each time with one not listed,
            // so the rule is the type. What the order (the pool closed before SHUTDOWN) guarantees is that the pool
            // does not refill itself while H2 shuts down, so that the database opens again at once: checked below
            assertThat(escaped).as("what a call racing the close threw other than a storage error").isEmpty();
            // the database was shut down, not left open, and it opens again with what was stored
            JdbcDataSource again = h2();
            try (Connection connection = again.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
            HikariDataSource reopened = ConnectionPool.over(again);
            Database next = new Database(reopened, again, reopened::close);
            assertThat(new PluginStore(next).tokenOwner(token)).contains("alice");
            next.close();
        }
    }

    private static Thread caller(PluginStore store, CountDownLatch busy, AtomicBoolean closed,
            List<Throwable> escaped) {
        return new Thread(() -> {
            busy.countDown();
            while (!closed.get()) {
                try {
                    store.tokenOwner("f".repeat(64));
                } catch (SQLException expected) {
                    // a storage error, answered as UNAVAILABLE (503): expected once close() has begun
                } catch (RuntimeException | Error e) {
                    escaped.add(e);
                    return;
                }
            }
        });
    }
}
