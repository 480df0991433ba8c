package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.milkbottle.marketplace.internal.store.ArtifactFiles;
import org.milkbottle.marketplace.internal.store.Database;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.jdbc.DataSourceFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What a marketplace node keeps: the database (embedded H2, or PostgreSQL shared by several nodes), the
 * published jars, the signing key, and the in-memory catalog that follows the database.
 */
record Storage(Database database, PluginStore store, ArtifactFiles artifacts, IndexSigner signer,
        CatalogFollower catalog) implements AutoCloseable {

    /** How long the start waits for the JDBC driver its URL needs (the driver's bundle may start after this one). */
    static final Duration DRIVER_WAIT = Duration.ofSeconds(30);

    /** Opens (and on first use creates) everything in the configured data folder and database. */
    static Storage open(BundleContext context, MarketplaceConfig config,
            Supplier<List<Map.Entry<Map<String, Object>, DataSourceFactory>>> dataSourceFactories)
            throws IOException, SQLException, GeneralSecurityException, InterruptedException {
        Path folder = folder(context, config);
        String url = setting(config.jdbcUrl(), context, "milkbottle.marketplace.jdbc.url");
        Properties properties = new Properties();
        properties.put(DataSourceFactory.JDBC_URL, url.isBlank() ? embeddedUrl(folder) : url);
        String user = setting(config.jdbcUser(), context, "milkbottle.marketplace.jdbc.user");
        if (!user.isBlank()) {
            properties.put(DataSourceFactory.JDBC_USER, user);
            properties.put(DataSourceFactory.JDBC_PASSWORD, password(config, context));
        }
        DataSourceFactory factory = JdbcDrivers.awaitFactoryFor(url, dataSourceFactories, DRIVER_WAIT);
        DataSource direct = factory.createDataSource(properties);
        HikariDataSource pool = ConnectionPool.over(direct);
        Database database;
        try {
            database = new Database(pool, direct, pool::close);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        try {
            PluginStore store = new PluginStore(database);
            return new Storage(database, store, new ArtifactFiles(folder.resolve("artifacts")),
                    new IndexSigner(folder), new CatalogFollower(store, config.catalogRefreshMillis()));
        } catch (IOException | SQLException | GeneralSecurityException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The embedded H2 database in {@code folder}/db. It stays open while connections come and go, and closes with the
     * component (a SHUTDOWN), not at JVM exit. What the marketplace acknowledges is written at once
     * ({@link Database#persist}). Each pooled connection keeps up to 64 parsed statements: a publish runs more
     * than H2's default 8 different ones, so with the default every statement was parsed again each time.
     */
    static String embeddedUrl(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("db").resolve("marketplace").toAbsolutePath()
                + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
    }

    /** An embedded H2 database closes with its component, not at JVM exit. */
    @Override
    public void close() {
        database.close();
    }

    /**
     * The database password: configured, else the framework property {@code milkbottle.marketplace.jdbc.password},
     * else the content of the file {@code milkbottle.marketplace.jdbc.passwordFile} names (a container secret, say:
     * a password in a file stays out of command lines and process listings).
     */
    static String password(MarketplaceConfig config, BundleContext context) throws IOException {
        String password = setting(config.jdbcPassword(), context, "milkbottle.marketplace.jdbc.password");
        String file = context.getProperty("milkbottle.marketplace.jdbc.passwordFile");
        if (!password.isEmpty() || file == null || file.isBlank()) {
            return password;
        }
        try {
            return Files.readString(Path.of(file.strip())).strip();
        } catch (IOException e) {
            throw new IOException("cannot read the database password from " + file + " (framework property "
                    + "milkbottle.marketplace.jdbc.passwordFile): " + e.getMessage(), e);
        }
    }

    /** A configuration value, or else the framework property of that name, or else empty. */
    private static String setting(String configured, BundleContext context, String property) {
        if (!configured.isBlank()) {
            return configured;
        }
        String value = context.getProperty(property);
        return value == null ? "" : value;
    }

    static Path folder(BundleContext context, MarketplaceConfig config) {
        if (!config.dataFolder().isBlank()) {
            return Path.of(config.dataFolder());
        }
        String data = context.getProperty("milkbottle.data");
        if (data == null || data.isBlank()) {
            return context.getDataFile("marketplace").toPath(); // no runtime data folder: the bundle's own area
        }
        return Path.of(data).resolve("marketplace");
    }
}
