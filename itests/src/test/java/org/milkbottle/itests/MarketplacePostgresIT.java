package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * Two marketplace nodes sharing one PostgreSQL database: this framework (node A) and the exported
 * marketplace.jar (node B, another process). What one node publishes, the other finds. Runs where
 * MILKBOTTLE_TEST_POSTGRES_URL names a database (.ci/run starts one); each run uses a schema of its own.
 */
@RunWith(PaxExam.class)
public class MarketplacePostgresIT extends MilkBottleTestSupport {

    private static final String URL = System.getenv("MILKBOTTLE_TEST_POSTGRES_URL");
    private static final String USER = System.getenv("MILKBOTTLE_TEST_POSTGRES_USER");
    private static final String PASSWORD = System.getenv("MILKBOTTLE_TEST_POSTGRES_PASSWORD");

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        if (URL == null) {
            return baseOptions(); // the test method skips itself
        }
        String schema = "itest_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot prepare PostgreSQL: " + e.getMessage(), e);
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return OptionUtils.combine(baseOptions(), OptionUtils.combine(marketplaceOptions(freePort()),
                mavenBundle("org.postgresql", "postgresql").versionAsInProject(),
                frameworkProperty("milkbottle.marketplace.jdbc.url").value(url),
                frameworkProperty("milkbottle.marketplace.jdbc.user").value(USER),
                frameworkProperty("milkbottle.marketplace.jdbc.password").value(PASSWORD),
                systemProperty("milkbottle.it.postgres.url").value(url)));
    }

    @Test
    public void twoNodesSharingOneDatabaseServeTheSameMarketplace() throws Exception {
        Assume.assumeTrue("MILKBOTTLE_TEST_POSTGRES_URL is not set", System.getProperty("milkbottle.it.postgres.url") != null);
        awaitShellContains("mb:repo-list", "this runtime's marketplace");
        String token = Arrays.stream(shell("mb:market token alice").split("\\s+")).filter(w -> w.startsWith("mbt_"))
                .findFirst().orElseThrow();
        Path jar = TestBundles.plugin("pg.shared", "1.0.0").header("MilkBottle-Tags", "shared")
                .writeTo(work("pg"), "pg.jar");
        assertTrue(shell("mb:market publish " + token + " " + jar).contains("Published pg.shared 1.0.0"));
        assertTrue(shell("mb:search shared").contains("pg.shared"));

        // node B: the exported marketplace node on the same database, in another process
        Path dir = work("node-b");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.osgi.service.http.port=" + port,
                "-Dmilkbottle.marketplace.jdbc.url=" + System.getProperty("milkbottle.it.postgres.url"),
                "-Dmilkbottle.marketplace.jdbc.user=" + USER, "-Dmilkbottle.marketplace.jdbc.password=" + PASSWORD,
                "-jar", System.getProperty("milkbottle.marketplace.jar"), "--headless"));
        Process nodeB = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("node.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            StringBuilder seen = new StringBuilder();
            await("node B serves what node A published", () -> {
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + port + "/api/plugins?q=shared")).build(), HttpResponse.BodyHandlers.ofString());
                    seen.setLength(0);
                    seen.append(response.body());
                    return response.statusCode() == 200 && response.body().contains("pg.shared");
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            HttpResponse<String> rated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/plugins/pg.shared/ratings")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"bob\",\"stars\":5}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(rated.body(), 200, rated.statusCode());
            // node A notices node B's write through the shared revision counter
            awaitShellContains("mb:search shared", "5.0 (1)");
        } finally {
            nodeB.destroy();
            nodeB.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void awaitShellContains(String command, String expected) throws InterruptedException {
        await(command + " shows " + expected, () -> {
            try {
                return shell(command).contains(expected);
            } catch (Exception e) {
                return false;
            }
        });
    }
}
