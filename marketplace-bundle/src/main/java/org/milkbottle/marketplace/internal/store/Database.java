package org.milkbottle.marketplace.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * The marketplace's JDBC database (H2 or PostgreSQL): hands out connections and brings the schema up
 * to date when opened. Migrations are numbered and applied once each, in order, in one transaction
 * per step, so that several nodes sharing one database agree on its shape.
 */
public final class Database {

    /**
     * The schema, step by step; never edit a step once released, add one. Plain SQL that both H2 and
     * PostgreSQL run, written so that a step can run again (H2 commits DDL at once, so a step that
     * failed half-way is repeated on the next start).
     */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of("CREATE TABLE IF NOT EXISTS plugins (name VARCHAR(200) PRIMARY KEY, owner VARCHAR(200) NOT NULL,"
                    + " created TIMESTAMP NOT NULL)",
                    "CREATE TABLE IF NOT EXISTS versions (name VARCHAR(200) NOT NULL, version VARCHAR(100) NOT NULL,"
                    + " sha256 CHAR(64) NOT NULL, size BIGINT NOT NULL, published TIMESTAMP NOT NULL,"
                    + " title VARCHAR, description VARCHAR, vendor VARCHAR, license VARCHAR, contact VARCHAR,"
                    + " doc_url VARCHAR, scm_url VARCHAR, tags VARCHAR, capabilities VARCHAR, permissions VARCHAR,"
                    + " runtime_filter VARCHAR, dependencies VARCHAR, validation VARCHAR,"
                    + " PRIMARY KEY (name, version))",
                    "CREATE TABLE IF NOT EXISTS ratings (name VARCHAR(200) NOT NULL, user_name VARCHAR(200) NOT NULL,"
                    + " stars INT NOT NULL, review VARCHAR, updated TIMESTAMP NOT NULL, PRIMARY KEY (name, user_name))",
                    "CREATE TABLE IF NOT EXISTS downloads (name VARCHAR(200) NOT NULL, version VARCHAR(100) NOT NULL,"
                    + " on_day DATE NOT NULL, runtime_version VARCHAR(100) NOT NULL, total BIGINT NOT NULL,"
                    + " PRIMARY KEY (name, version, on_day, runtime_version))",
                    "CREATE TABLE IF NOT EXISTS tokens (hash CHAR(64) PRIMARY KEY, owner VARCHAR(200) NOT NULL,"
                    + " created TIMESTAMP NOT NULL)",
                    "CREATE TABLE IF NOT EXISTS catalog_revision (id INT PRIMARY KEY, revision BIGINT NOT NULL)",
                    "INSERT INTO catalog_revision (id, revision) SELECT 1, 0 WHERE NOT EXISTS"
                    + " (SELECT 1 FROM catalog_revision WHERE id = 1)"),
            List.of("CREATE TABLE IF NOT EXISTS advisories (id VARCHAR(100) PRIMARY KEY, plugin VARCHAR(200) NOT NULL,"
                    + " versions VARCHAR(200) NOT NULL, severity VARCHAR(20) NOT NULL, message VARCHAR NOT NULL,"
                    + " published TIMESTAMP NOT NULL)"),
            // changed right before each CHECKPOINT (Database.persist), so that the checkpoint always has something
            // of its own to write and waits for a write of H2's background thread that may still be under way
            List.of("CREATE TABLE IF NOT EXISTS write_marker (id INT PRIMARY KEY, n BIGINT NOT NULL)",
                    "INSERT INTO write_marker (id, n) SELECT 1, 0 WHERE NOT EXISTS"
                    + " (SELECT 1 FROM write_marker WHERE id = 1)"));

    private final DataSource dataSource;
    private final DataSource direct;
    private final Runnable closePool;
    /** An H2 database whose user may CHECKPOINT: what is acknowledged is written at once ({@link #persist}). */
    private final boolean checkpoints;
    /** Concurrent writers share one checkpoint (a group commit). */
    private final GroupCheckpoint checkpoint = new GroupCheckpoint();

    public Database(DataSource dataSource) throws SQLException {
        this(dataSource, dataSource, () -> { });
    }

    /**
     * @param pooled    where the store's calls take their connections (a pool)
     * @param direct    the driver's own data source under the pool: an embedded database is shut down through it
     *                  once the pool is closed, so that the pool cannot open a connection while H2 shuts down
     *                  (H2 then refuses every connection "in exclusive mode")
     * @param closePool closes the pool and every connection it holds
     */
    public Database(DataSource pooled, DataSource direct, Runnable closePool) throws SQLException {
        this.dataSource = pooled;
        this.direct = direct;
        this.closePool = closePool;
        this.checkpoints = migrate() && mayCheckpoint();
    }

    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Makes what was committed outlive a kill -9 before it is acknowledged (a publish, a token, a rating, an
     * advisory); call it after the commit. H2 writes its commits from a background thread every half second
     * ({@code WRITE_DELAY}), so a committed row could be lost by a kill in between: {@code CHECKPOINT} writes them
     * now. It is preceded by a change of its own (the write marker): a checkpoint that finds nothing unsaved returns
     * at once, even while H2's background thread is still writing the commit it picked up; with a change to write,
     * the checkpoint's write queues behind that one and waits. The write goes to the operating system, not to the
     * disk's platter (no fsync): it outlives the process, not a power loss. PostgreSQL commits durably itself (with
     * its default {@code synchronous_commit=on}). A checkpoint that fails does not undo the commit: it is logged,
     * and the commit reaches the file with H2's next background write.
     * Writers that commit while a checkpoint is under way share the next one ({@link GroupCheckpoint}).
     * (H2's {@code WRITE_DELAY=0} would make every commit durable, but it also stops the background thread that
     * frees old chunks: publishing 5,000 plugins grew the file to 97 MB, and it stayed so.)
     */
    public void persist(Connection connection) {
        if (!checkpoints) {
            return;
        }
        try {
            checkpoint.await(() -> {
                try (Statement statement = connection.createStatement()) {
                    if (!connection.getAutoCommit()) {
                        connection.setAutoCommit(true);
                    }
                    statement.executeUpdate("UPDATE write_marker SET n = n + 1 WHERE id = 1");
                    statement.execute("CHECKPOINT");
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notWritten(e);
        } catch (Exception e) {
            notWritten(e);
        }
    }

    private static void notWritten(Exception e) {
        System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "A committed write could "
                + "not be written to the database file at once (" + e + "); it is written with H2's "
                + "next background write, within a second, unless the runtime is killed before.");
    }

    /**
     * Whether this H2 database's user may run CHECKPOINT (H2 lets only administrators): if not, acknowledged writes
     * reach the file with H2's background writes, and the log says so once.
     */
    private boolean mayCheckpoint() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            return true;
        } catch (SQLException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING, "The marketplace's H2 "
                    + "user may not CHECKPOINT (" + e.getMessage() + "): what it acknowledges is written within H2's "
                    + "write delay, and a kill -9 can lose the last second of it. Give the user ADMIN rights to change "
                    + "that.");
            return false;
        }
    }

    /**
     * Closes the pool, then shuts an embedded H2 database down (other databases need nothing more: the pool's
     * connections are closed).
     */
    public void close() {
        closePool.run();
        try (Connection connection = direct.getConnection()) {
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            System.getLogger(Database.class.getName()).log(System.Logger.Level.WARNING,
                    "Closing the marketplace database failed: " + e.getMessage());
        }
    }

    /** The schema version after migration: the number of steps applied. */
    public int schemaVersion() throws SQLException {
        try (Connection connection = connect()) {
            return currentVersion(connection);
        }
    }

    /** Brings the schema up to date; whether the database is H2. */
    private boolean migrate() throws SQLException {
        try (Connection connection = connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            }
            connection.setAutoCommit(false);
            for (int step = currentVersion(connection); step < MIGRATIONS.size(); step++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(step)) {
                        statement.execute(sql);
                    }
                    statement.execute("DELETE FROM schema_version");
                    statement.execute("INSERT INTO schema_version (version) VALUES (" + (step + 1) + ")");
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    if (currentVersion(connection) > step) {
                        continue; // another node applied this step at the same time
                    }
                    throw e;
                }
            }
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(version) FROM schema_version");
                ResultSet result = query.executeQuery()) {
            return result.next() ? result.getInt(1) : 0;
        }
    }
}
