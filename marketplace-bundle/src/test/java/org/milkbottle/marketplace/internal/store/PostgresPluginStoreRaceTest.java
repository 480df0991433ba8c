package org.milkbottle.marketplace.internal.store;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store's races against PostgreSQL, each in a schema of its own. Runs where
 * {@code MILKBOTTLE_TEST_POSTGRES_URL} (and {@code _USER}, {@code _PASSWORD}) name a database; .ci/run
 * starts one on loopback.
 */
@EnabledIfEnvironmentVariable(named = "MILKBOTTLE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresPluginStoreRaceTest extends PluginStoreRaceTest {

    @Override
    DataSource dataSource() throws Exception {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(System.getenv("MILKBOTTLE_TEST_POSTGRES_URL"));
        postgres.setUser(System.getenv("MILKBOTTLE_TEST_POSTGRES_USER"));
        postgres.setPassword(System.getenv("MILKBOTTLE_TEST_POSTGRES_PASSWORD"));
        String schema = "test_" + System.nanoTime();
        try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        postgres.setCurrentSchema(schema);
        return postgres;
    }
}
