package org.milkbottle.marketplace.internal.server;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Version;
import org.osgi.service.jdbc.DataSourceFactory;

/** Picks the JDBC driver's DataSourceFactory service that a JDBC URL needs. */
final class JdbcDrivers {

    /** The oldest H2 the embedded store opens its database with. */
    static final Version MINIMUM_H2 = new Version(2, 4, 240);

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
        List<Map.Entry<Map<String, Object>, DataSourceFactory>> matching = factories.stream()
                .filter(f -> driver.equals(f.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))).toList();
        if (matching.isEmpty()) {
            throw new IllegalStateException("No JDBC driver " + driver + " is installed for " + url + ". The "
                    + "marketplace node (launcher/target/marketplace.jar) includes PostgreSQL's; the plain runtime only "
                    + "H2's.");
        }
        if (!driver.equals("org.h2.Driver")) {
            return matching.get(0).getValue();
        }
        // a plugin may bring an H2 of its own, which registers a factory too: the store takes the newest, and none
        // older than MINIMUM_H2 (H2 2.2.224 lost committed rows across restarts)
        return matching.stream().filter(f -> version(f.getKey()).compareTo(MINIMUM_H2) >= 0)
                .max(Comparator.comparing(f -> version(f.getKey()))).map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalStateException("The H2 drivers installed (" + matching.stream()
                        .map(f -> String.valueOf(f.getKey().get(DataSourceFactory.OSGI_JDBC_DRIVER_VERSION)))
                        .collect(Collectors.joining(", ")) + ") are older than " + MINIMUM_H2 + ", which the marketplace "
                        + "needs (older ones lost committed rows); the runtime ships H2 " + MINIMUM_H2 + "."));
    }

    /** H2's driver version ("2.4.240 (2025-09-22)") as an OSGi version; 0.0.0 when it says none. */
    private static Version version(Map<String, Object> properties) {
        Object value = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_VERSION);
        try {
            return value == null ? Version.emptyVersion
                    : Version.parseVersion(value.toString().strip().split("\\s+")[0]);
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }
}
