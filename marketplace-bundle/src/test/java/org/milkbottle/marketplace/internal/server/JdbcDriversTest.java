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
        DataSourceFactory factory = (DataSourceFactory) Proxy.newProxyInstance(DataSourceFactory.class.getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return driverClass;
                    }
                    throw new AssertionError("not called: " + method.getName());
                });
        return Map.entry(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, driverClass), factory);
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
