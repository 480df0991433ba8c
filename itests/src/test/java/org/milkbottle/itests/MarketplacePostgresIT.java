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
import java.nio.file.Files;
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
                "-Dmilkbottle.marketplace.jdbc.user=" + USER,
                // the password from a file, as a container secret gives it
                "-Dmilkbottle.marketplace.jdbc.passwordFile=" + java.nio.file.Files.writeString(dir.resolve("pw"),
                        PASSWORD + "\n"),
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

    /**
     * The backup drill docs/deployment.md gives for a marketplace on PostgreSQL: pg_dump of its schema, the schema
     * lost, pg_restore; the restored tables hold every row the dumped ones held.
     */
    @Test
    public void aPgDumpOfTheMarketplaceRestoresEveryRow() throws Exception {
        String url = System.getProperty("milkbottle.it.postgres.url");
        Assume.assumeTrue("MILKBOTTLE_TEST_POSTGRES_URL is not set", url != null);
        Assume.assumeTrue("pg_dump is not installed", Files.isExecutable(Path.of("/usr/bin/pg_dump")));
        awaitShellContains("mb:repo-list", "this runtime's marketplace");
        String token = Arrays.stream(shell("mb:market token carol").split("\\s+")).filter(w -> w.startsWith("mbt_"))
                .findFirst().orElseThrow();
        Path jar = TestBundles.plugin("pg.dumped", "1.0.0").writeTo(work("pg-dump"), "dumped.jar");
        assertTrue(shell("mb:market publish " + token + " " + jar).contains("Published pg.dumped 1.0.0"));

        String schema = url.replaceAll(".*currentSchema=", "");
        java.net.URI database = URI.create(URL.substring("jdbc:".length()));
        Path dump = work("pg-dump").resolve("marketplace.dump");
        List<String> tables = List.of("plugins", "versions", "ratings", "downloads", "tokens", "catalog_revision",
                "advisories", "schema_version");
        java.util.Map<String, Long> before = rowCounts(url, schema, tables);
        assertTrue(before.toString(), before.get("plugins") > 0);
        run("pg_dump", "-h", database.getHost(), "-p", String.valueOf(database.getPort()), "-U", USER, "-Fc", "-n",
                schema, "-f", dump.toString(), database.getPath().substring(1));
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA " + schema + " RENAME TO " + schema + "_lost");
        }
        run("pg_restore", "-h", database.getHost(), "-p", String.valueOf(database.getPort()), "-U", USER, "-d",
                database.getPath().substring(1), dump.toString());
        assertEquals(before, rowCounts(url, schema, tables));
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement();
                java.sql.ResultSet row = statement.executeQuery("SELECT owner FROM " + schema
                        + ".plugins WHERE name = 'pg.dumped'")) {
            assertTrue(row.next());
            assertEquals("carol", row.getString(1));
        }
    }

    private static java.util.Map<String, Long> rowCounts(String url, String schema, List<String> tables)
            throws Exception {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + " did not finish", process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(String.join(" ", command) + ": " + output, 0, process.exitValue());
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
