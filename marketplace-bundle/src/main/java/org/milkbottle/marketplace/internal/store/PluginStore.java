package org.milkbottle.marketplace.internal.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.milkbottle.marketplace.api.Review;

/**
 * Every read and write of the marketplace's tables. Statements are prepared with parameters only —
 * no text from a request ever becomes SQL.
 */
public final class PluginStore {

    /** A version that exists already. */
    public static final class DuplicateException extends Exception {
        private static final long serialVersionUID = 1L;

        DuplicateException(String message) {
            super(message);
        }
    }

    /** A plugin name another publisher owns (also when that publisher claimed it a moment ago). */
    public static final class NotOwnerException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String owner;

        NotOwnerException(String plugin, String owner) {
            super(plugin + " belongs to " + owner);
            this.owner = owner;
        }

        public String owner() {
            return owner;
        }
    }

    /** Download totals: per plugin and per plugin version ("name@version"). */
    public record DownloadTotals(Map<String, Long> byPlugin, Map<String, Long> byVersion) {
    }

    /** Average stars and count per plugin. */
    public record RatingTotals(Map<String, Double> average, Map<String, Integer> count) {
    }

    private final Database database;

    public PluginStore(Database database) {
        this.database = database;
    }

    public void addToken(String hash, String owner) throws SQLException {
        try (Connection connection = database.connect()) {
            execute(connection, "INSERT INTO tokens (hash, owner, created) VALUES (?, ?, ?)", hash, owner, now());
            database.persist(connection);
        }
    }

    public Optional<String> tokenOwner(String hash) throws SQLException {
        return queryString("SELECT owner FROM tokens WHERE hash = ?", hash);
    }

    /** The SHA-256 of {@code name} {@code version} if it is published (the version as the store writes it). */
    public Optional<String> sha256(String name, String version) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT sha256 FROM versions WHERE name = ? AND version = ?")) {
            query.setString(1, name);
            query.setString(2, version);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<String> owner(String plugin) throws SQLException {
        return queryString("SELECT owner FROM plugins WHERE name = ?", plugin);
    }

    /** A step taken inside the transaction that stores a version, after its row is written and before the commit. */
    @FunctionalInterface
    public interface BeforeCommit {
        void run() throws IOException;
    }

    /**
     * Stores a new version, and the plugin with its owner if it is new, in one transaction. The plugins
     * table's key decides who owns a new name when publishers race for it (on any number of nodes): the
     * first to commit; the others see that owner when they try again.
     * <p>
     * {@code beforeCommit} runs once the version's row is written and before the commit: when it fails the
     * transaction is rolled back; when the version is refused it does not run. While it runs, the uncommitted row
     * holds the version's key, so a second insert of the same version waits for this one's outcome instead of
     * running its own step beside it.
     *
     * @throws DuplicateException when the version exists (also when another node stored it meanwhile)
     * @throws NotOwnerException when another publisher owns the name (also when they claimed it meanwhile)
     */
    public void insert(VersionRow row, String owner, BeforeCommit beforeCommit)
            throws SQLException, IOException, DuplicateException, NotOwnerException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                try {
                    claim(connection, row.name(), owner, row.published());
                    if (exists(connection, row.name(), row.version())) {
                        throw new DuplicateException(row.name() + " " + row.version() + " is published already");
                    }
                    insertVersion(connection, row);
                    beforeCommit.run(); // before the revision row, which every publish updates, is locked
                    bumpRevision(connection);
                    connection.commit();
                    database.persist(connection);
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!Contention.isContention(e) || attempt == Contention.ATTEMPTS) {
                        throw e;
                    }
                } catch (DuplicateException | NotOwnerException | IOException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
            Contention.pause(attempt);
        }
    }

    /** Makes {@code owner} the owner of a new name, or checks that they own it. */
    private static void claim(Connection connection, String name, String owner, Instant when)
            throws SQLException, NotOwnerException {
        Optional<String> current = owner(connection, name);
        if (current.isEmpty()) {
            // a publisher claiming the same name at the same moment makes this fail (unique key): try again
            execute(connection, "INSERT INTO plugins (name, owner, created) VALUES (?, ?, ?)", name, owner,
                    Timestamp.from(when));
        } else if (!current.get().equals(owner)) {
            throw new NotOwnerException(name, current.get());
        }
    }

    private static void insertVersion(Connection connection, VersionRow row) throws SQLException, DuplicateException {
        try {
            execute(connection, "INSERT INTO versions (name, version, sha256, size, published, title, description,"
                    + " vendor, license, contact, doc_url, scm_url, tags, capabilities, permissions, runtime_filter,"
                    + " dependencies, validation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.name(), row.version(), row.sha256(), row.size(), Timestamp.from(row.published()),
                    row.title(), row.description(), row.vendor(), row.license(), row.contact(), row.docUrl(),
                    row.scmUrl(), join(row.tags()), join(row.capabilities()), join(row.permissions()),
                    row.runtimeFilter(), String.join("\n", row.dependencies()), String.join("\n", row.validation()));
        } catch (SQLException e) {
            if (Contention.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // the same version stored by another request at the same moment
                throw new DuplicateException(row.name() + " " + row.version() + " is published already");
            }
            throw e;
        }
    }

    public List<VersionRow> versions() throws SQLException {
        List<VersionRow> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT name, version, sha256, size, published,"
                        + " title, description, vendor, license, contact, doc_url, scm_url, tags, capabilities,"
                        + " permissions, runtime_filter, dependencies, validation FROM versions");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new VersionRow(result.getString(1), result.getString(2), result.getString(3),
                        result.getLong(4), result.getTimestamp(5).toInstant(), result.getString(6),
                        result.getString(7), result.getString(8), result.getString(9), result.getString(10),
                        result.getString(11), result.getString(12), split(result.getString(13), ","),
                        split(result.getString(14), ","), split(result.getString(15), ","), result.getString(16),
                        split(result.getString(17), "\n"), split(result.getString(18), "\n")));
            }
        }
        return rows;
    }

    public Map<String, String> owners() throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT name, owner FROM plugins");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                owners.put(result.getString(1), result.getString(2));
            }
        }
        return owners;
    }

    /**
     * Adds or replaces the rating of {@code user} for {@code plugin}. The ratings table's key keeps one
     * rating per user; when the same user rates at the same moment twice, the last to commit stays.
     */
    public void rate(String plugin, String user, int stars, String review) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false);
                try {
                    int replaced = execute(connection, "UPDATE ratings SET stars = ?, review = ?, updated = ?"
                            + " WHERE name = ? AND user_name = ?", stars, review, now(), plugin, user);
                    if (replaced == 0) {
                        // a rating by the same user inserted at the same moment makes this fail: try again, as an update
                        execute(connection, "INSERT INTO ratings (name, user_name, stars, review, updated)"
                                + " VALUES (?, ?, ?, ?, ?)", plugin, user, stars, review, now());
                    }
                    bumpRevision(connection);
                    connection.commit();
                    database.persist(connection);
                    return;
                } catch (SQLException e) {
                    connection.rollback();
                    if (!Contention.isContention(e) || attempt == Contention.ATTEMPTS) {
                        throw e;
                    }
                }
            }
            Contention.pause(attempt);
        }
    }

    public List<Review> reviews(String plugin) throws SQLException {
        List<Review> reviews = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT user_name, stars, review, updated"
                        + " FROM ratings WHERE name = ? ORDER BY updated DESC")) {
            query.setString(1, plugin);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    reviews.add(new Review(result.getString(1), result.getInt(2), result.getString(3),
                            result.getTimestamp(4).toInstant()));
                }
            }
        }
        return reviews;
    }

    public RatingTotals ratingTotals() throws SQLException {
        Map<String, Double> average = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name, AVG(CAST(stars AS DOUBLE PRECISION)), COUNT(*) FROM ratings GROUP BY name");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                average.put(result.getString(1), result.getDouble(2));
                count.put(result.getString(1), result.getInt(3));
            }
        }
        return new RatingTotals(average, count);
    }

    /** Counts one download; several nodes may count at once. */
    public void countDownload(String plugin, String version, LocalDate day, String runtimeVersion) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Connection connection = database.connect()) {
                int updated = execute(connection, "UPDATE downloads SET total = total + 1 WHERE name = ? AND version = ?"
                        + " AND on_day = ? AND runtime_version = ?", plugin, version, Date.valueOf(day), runtimeVersion);
                if (updated > 0) {
                    return;
                }
                try {
                    execute(connection, "INSERT INTO downloads (name, version, on_day, runtime_version, total)"
                            + " VALUES (?, ?, ?, ?, 1)", plugin, version, Date.valueOf(day), runtimeVersion);
                    return;
                } catch (SQLException raced) {
                    // another request inserted the row first: count again with an update
                }
            }
        }
        throw new SQLException("could not count a download of " + plugin + " " + version);
    }

    public DownloadTotals downloadTotals() throws SQLException {
        Map<String, Long> byPlugin = new HashMap<>();
        Map<String, Long> byVersion = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name, version, SUM(total) FROM downloads GROUP BY name, version");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                byPlugin.merge(result.getString(1), result.getLong(3), Long::sum);
                byVersion.put(result.getString(1) + "@" + result.getString(2), result.getLong(3));
            }
        }
        return new DownloadTotals(byPlugin, byVersion);
    }

    /** Downloads of each version of one plugin. */
    public Map<String, Long> downloadsByVersion(String plugin) throws SQLException {
        Map<String, Long> byVersion = new HashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version, SUM(total) FROM downloads WHERE name = ? GROUP BY version")) {
            query.setString(1, plugin);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    byVersion.put(result.getString(1), result.getLong(2));
                }
            }
        }
        return byVersion;
    }

    /** Downloads of all plugins per day (oldest first), or per asking runtime version. */
    public Map<String, Long> downloadsBy(String column) throws SQLException {
        if (!column.equals("on_day") && !column.equals("runtime_version")) {
            throw new IllegalArgumentException(column); // a column name is never taken from a request
        }
        Map<String, Long> out = new TreeMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + column + ", SUM(total) FROM downloads GROUP BY " + column);
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                out.put(result.getString(1), result.getLong(2));
            }
        }
        return out;
    }

    /** Downloads of one plugin per version, and of each version per day (oldest first). */
    public Map<String, SortedMap<LocalDate, Long>> downloadsPerVersion(String plugin) throws SQLException {
        Map<String, SortedMap<LocalDate, Long>> perVersion = new TreeMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version, on_day, SUM(total) FROM downloads WHERE name = ? GROUP BY version, on_day")) {
            query.setString(1, plugin);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    perVersion.computeIfAbsent(result.getString(1), v -> new TreeMap<>())
                            .put(result.getDate(2).toLocalDate(), result.getLong(3));
                }
            }
        }
        return perVersion;
    }

    /** Downloads of one plugin per day, oldest first. */
    public SortedMap<LocalDate, Long> downloadsPerDay(String plugin) throws SQLException {
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT on_day, SUM(total) FROM downloads WHERE name = ? GROUP BY on_day")) {
            query.setString(1, plugin);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    perDay.put(result.getDate(1).toLocalDate(), result.getLong(2));
                }
            }
        }
        return perDay;
    }

    /**
     * Stores an advisory under a new id {@code MB-YEAR-NNNN}.
     *
     * @return the id
     */
    public String addAdvisory(String plugin, String versions, String severity, String message) throws SQLException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection connection = database.connect();
                    PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM advisories");
                    ResultSet result = count.executeQuery()) {
                result.next();
                String id = String.format("MB-%d-%04d", Year.now().getValue(), result.getInt(1) + 1 + attempt);
                try {
                    execute(connection, "INSERT INTO advisories (id, plugin, versions, severity, message, published)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", id, plugin, versions, severity, message, now());
                    database.persist(connection);
                    return id;
                } catch (SQLException taken) {
                    // another node took this id at the same moment: try the next
                }
            }
        }
        throw new SQLException("could not find a free advisory id");
    }

    /** Every advisory, oldest first, as {id, plugin, versions, severity, message}. */
    public List<String[]> advisories() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, plugin, versions, severity, message FROM advisories ORDER BY published, id");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                out.add(new String[] {result.getString(1), result.getString(2), result.getString(3),
                    result.getString(4), result.getString(5)});
            }
        }
        return out;
    }

    /** Changes whenever a version or rating is stored, on any node: tells a node its catalog is stale. */
    public long revision() throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement("SELECT revision FROM catalog_revision WHERE id = 1");
                ResultSet result = query.executeQuery()) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    private static void bumpRevision(Connection connection) throws SQLException {
        execute(connection, "UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1");
    }

    private static boolean exists(Connection connection, String name, String version) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM versions WHERE name = ? AND version = ?")) {
            query.setString(1, name);
            query.setString(2, version);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    private static Optional<String> owner(Connection connection, String plugin) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT owner FROM plugins WHERE name = ?")) {
            query.setString(1, plugin);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private Optional<String> queryString(String sql, String parameter) throws SQLException {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
