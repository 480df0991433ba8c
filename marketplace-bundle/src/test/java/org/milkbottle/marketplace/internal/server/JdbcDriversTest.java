package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/** Picking the driver a URL needs, and waiting for one whose bundle starts after the marketplace's. */
class JdbcDriversTest {

    private static Map.Entry<Map<String, Object>, DataSourceFactory> driver(String driverClass) {
        return driver(driverClass, "2.4.240 (2025-09-22)");
    }

    private static Map.Entry<Map<String, Object>, DataSourceFactory> driver(String driverClass, String version) {
        DataSourceFactory factory = (DataSourceFactory) Proxy.newProxyInstance(DataSourceFactory.class.getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return driverClass + " " + version;
                    }
                    throw new AssertionError("not called: " + method.getName());
                });
        return Map.entry(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driverClass,
                DataSourceFactory.OSGI_JDBC_DRIVER_VERSION, version), factory);
    }

    @Test
    void theDriverTheUrlNeedsIsPicked() {
        var h2 = driver("org.h2.Driver");
        var postgres = driver("org.postgresql.Driver");
        assertThat(JdbcDrivers.factoryFor("", List.of(postgres, h2))).isSameAs(h2.getValue());
        assertThat(JdbcDrivers.factoryFor("jdbc:postgresql://db/market", List.of(h2, postgres)))
                .isSameAs(postgres.getValue());
        assertThatThrownBy(() -> JdbcDrivers.factoryFor("jdbc:mysql://db", List.of(h2)))
                .hasMessageContaining("is neither");
    }

    @Test
    void anOlderH2APluginBringsIsPassedOverAndAnH2OlderThanTheFloorIsRefused() {
        var plugins = driver("org.h2.Driver", "2.2.224 (2023-09-17)");
        var runtime = driver("org.h2.Driver", "2.4.240 (2025-09-22)");
        var newer = driver("org.h2.Driver", "2.5.252 (2026-01-01)");
        assertThat(JdbcDrivers.factoryFor("", List.of(plugins, runtime))).isSameAs(runtime.getValue());
        assertThat(JdbcDrivers.factoryFor("", List.of(runtime, newer, plugins))).isSameAs(newer.getValue());
        assertThatThrownBy(() -> JdbcDrivers.factoryFor("", List.of(plugins, driver("org.h2.Driver", "odd"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(2.2.224 (2023-09-17), odd) are older than 2.4.240");
        // while only a plugin's old H2 is there, the start waits for the runtime's
        assertThatThrownBy(() -> JdbcDrivers.awaitFactoryFor("", () -> List.of(plugins), Duration.ofMillis(200)))
                .hasMessageContaining("older than 2.4.240");
    }

    @Test
    void aDriverThatComesLaterIsWaitedFor() throws Exception {
        var postgres = driver("org.postgresql.Driver");
        AtomicReference<List<Map.Entry<Map<String, Object>, DataSourceFactory>>> drivers = new AtomicReference<>();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(200);
                drivers.set(List.of(driver("org.h2.Driver")));
                Thread.sleep(200);
                drivers.set(List.of(driver("org.h2.Driver"), postgres));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        later.start();
        assertThat(JdbcDrivers.awaitFactoryFor("jdbc:postgresql://db/market", drivers::get, Duration.ofSeconds(30)))
                .isSameAs(postgres.getValue());
        later.join();
    }

    @Test
    void aDriverThatNeverComesIsReportedAfterTheWait() {
        var h2 = driver("org.h2.Driver");
        assertThatThrownBy(() -> JdbcDrivers.awaitFactoryFor("jdbc:postgresql://db/market", () -> List.of(h2),
                Duration.ofMillis(200))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No JDBC driver org.postgresql.Driver is installed");
    }
}
