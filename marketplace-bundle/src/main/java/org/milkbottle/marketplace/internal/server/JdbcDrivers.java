package org.milkbottle.marketplace.internal.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.jdbc.DataSourceFactory;

/** Picks the JDBC driver's DataSourceFactory service that a JDBC URL needs. */
final class JdbcDrivers {

    private JdbcDrivers() {
    }

    /** The driver class a URL needs; an empty URL means the embedded H2 database. */
    static String driverClass(String url) {
        if (url.isBlank() || url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new IllegalArgumentException("The marketplace stores its data in H2 or PostgreSQL; '" + url
                + "' is neither (use jdbc:postgresql://HOST:PORT/DATABASE).");
    }

    /**
     * The factory {@code url} needs, waiting up to {@code wait} for it to appear among {@code factories} (read again
     * every 50 ms; null while there are none yet).
     */
    static DataSourceFactory awaitFactoryFor(String url,
            Supplier<List<Map.Entry<Map<String, Object>, DataSourceFactory>>> factories, Duration wait)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> now = factories.get();
            try {
                return factoryFor(url, now == null ? List.of() : now);
            } catch (IllegalStateException missing) {
                if (System.nanoTime() > deadline) {
                    throw missing;
                }
                Thread.sleep(50);
            }
        }
    }

    static DataSourceFactory factoryFor(String url, List<Map.Entry<Map<String, Object>, DataSourceFactory>> factories) {
        String driver = driverClass(url);
        return factories.stream().filter(f -> driver.equals(f.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS)))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException("No JDBC driver "
                        + driver + " is installed for " + url + ". The marketplace node (launcher/target/marketplace.jar) "
                        + "includes PostgreSQL's; the plain runtime only H2's."));
    }
}
