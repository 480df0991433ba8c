package org.milkbottle.marketplace.internal.server;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The marketplace's database connections, pooled (HikariCP) over the data source the JDBC driver's
 * {@code DataSourceFactory} makes: every store call takes a connection, and opening one per call (a new H2 session,
 * or a new PostgreSQL backend) was the largest single cost of publishing.
 */
final class ConnectionPool {

    /** Enough for the HTTP threads that write at once; more would only queue inside the database. */
    private static final int MAX_CONNECTIONS = 8;

    private ConnectionPool() {
    }

    static HikariDataSource over(DataSource source) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        config.setPoolName("milkbottle-marketplace");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }
}
