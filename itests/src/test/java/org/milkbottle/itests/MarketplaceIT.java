package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.marketplace.api.Marketplace;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jdbc.DataSourceFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The marketplace server over real HTTP (Felix HTTP Jetty, H2, bnd's index writer): publishing with a
 * token through the validator, search, details, ratings, downloads, the signed R5 index — and every bad
 * request answered with a 4xx JSON error that changes nothing.
 */
@RunWith(PaxExam.class)
public class MarketplaceIT extends MilkBottleTestSupport {

    /** Chosen once in the test JVM; the probe reads it back from the framework (its statics are its own). */
    private static final int PORT = freePort();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(PORT));
    }

    /**
     * A second JDBC driver that appears once the marketplace runs (a node has H2's and PostgreSQL's, started in
     * either order) must not restart it: a restart closed the store under a command that was using it (AttachIT
     * failed so, "HikariDataSource has been closed").
     */
    @Test
    public void aJdbcDriverThatComesLaterDoesNotRestartTheMarketplace() throws Exception {
        ServiceReference<Marketplace> before = context.getServiceReference(Marketplace.class);
        Marketplace marketplace = context.getService(before);
        assertTrue(marketplace.createToken("before").startsWith("mbt_"));
        DataSourceFactory lateDriver = (DataSourceFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> {
                    throw new AssertionError("the marketplace uses H2 here, never this driver: " + method.getName());
                });
        ServiceRegistration<DataSourceFactory> registration = context.registerService(DataSourceFactory.class,
                lateDriver, new Hashtable<>(Map.of(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, "org.postgresql.Driver")));
        try {
            ServiceReference<Marketplace> after = context.getServiceReference(Marketplace.class);
            assertEquals("the same marketplace service, not a new one", before.getProperty(Constants.SERVICE_ID),
                    after.getProperty(Constants.SERVICE_ID));
            assertTrue("the store still open", marketplace.createToken("after").startsWith("mbt_"));
        } finally {
            registration.unregister();
            context.ungetService(before);
        }
    }

    private int port() {
        return Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body, String type)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).POST(body)
                .header("Content-Type", type);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> publish(String token, Path jar) throws Exception {
        return post("/api/plugins", token, HttpRequest.BodyPublishers.ofFile(jar), "application/java-archive");
    }

    private HttpResponse<String> rate(String name, String json) throws Exception {
        return post("/api/plugins/" + name + "/ratings", null, HttpRequest.BodyPublishers.ofString(json),
                "application/json");
    }

    private void awaitServer() throws Exception {
        StringBuilder last = new StringBuilder();
        try {
            await("marketplace answers at " + url("/"), () -> {
                try {
                    HttpResponse<String> response = get("/api/plugins");
                    last.setLength(0);
                    last.append(response.statusCode()).append(' ').append(response.body());
                    return response.statusCode() == 200;
                } catch (Exception e) {
                    last.setLength(0);
                    last.append(e);
                    return false;
                }
            });
        } catch (AssertionError e) {
            StringBuilder states = new StringBuilder(last + "\n");
            for (org.osgi.framework.Bundle bundle : context.getBundles()) {
                if (bundle.getState() != org.osgi.framework.Bundle.ACTIVE) {
                    states.append(bundle.getSymbolicName()).append(" state ").append(bundle.getState()).append('\n');
                }
            }
            scr.getComponentDescriptionDTOs().forEach(d -> scr.getComponentConfigurationDTOs(d).forEach(c ->
                    states.append(d.name).append(" component state ").append(c.state).append('\n')));
            System.err.println("MARKETPLACE DIAGNOSTIC " + states);
            throw new AssertionError(e.getMessage() + "\n" + states, e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws IOException {
        assertEquals(response.body(), status, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(response.body(), error, body.get("error").asText());
        assertFalse(response.body(), body.get("message").asText().isBlank());
    }

    private String token(String owner) throws Exception {
        String out = shell("mb:market-token " + owner);
        return Arrays.stream(out.split("\\s+")).filter(w -> w.startsWith("mbt_")).findFirst().orElseThrow();
    }

    @Test
    public void publishSearchRateDownloadAndASignedIndex() throws Exception {
        awaitServer();
        String token = token("alice");
        HttpResponse<String> published = publish(token, greeter());
        assertEquals(published.body(), 201, published.statusCode());
        JsonNode result = JSON.readTree(published.body());
        assertEquals("mkt.greeter", result.get("name").asText());
        String sha = result.get("sha256").asText();

        JsonNode page = JSON.readTree(get("/api/plugins?q=greeter").body());
        assertEquals(1, page.get("total").asInt());
        assertEquals("mkt.greeter", page.get("items").get(0).get("name").asText());
        assertEquals(0, JSON.readTree(get("/api/plugins?q=nothing-like-this").body()).get("total").asInt());
        assertEquals("the seeds and the new plugin", SEEDS + 1,
                JSON.readTree(get("/api/plugins?runtime=1.0.0").body()).get("total").asInt());
        assertEquals(Seeded.OWNER, JSON.readTree(get("/api/plugins/org.milkbottle.example.hello").body()).get("owner")
                .asText());
        // libraries (the PDF plugin's three) need no runtime: every runtime sees them, and no plugin
        assertEquals("an incompatible runtime sees no plugin, only the libraries", LIBRARY_SEEDS,
                JSON.readTree(get("/api/plugins?runtime=9.0.0").body()).get("total").asInt());

        assertEquals(200, rate("mkt.greeter", "{\"user\":\"ann\",\"stars\":5}").statusCode());
        assertEquals(200, rate("mkt.greeter", "{\"user\":\"ann\",\"stars\":3,\"review\":\"ok\"}")
                .statusCode());
        JsonNode rated = JSON.readTree(rate("mkt.greeter",
                "{\"user\":\"bob\",\"stars\":4,\"review\":\"<b>nice</b>\"}").body());
        assertEquals("a second rating by the same user replaces the first", 2, rated.get("ratingCount").asInt());
        assertEquals(3.5, rated.get("rating").asDouble(), 0.001);

        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(url("/repository/artifacts/" + sha
                + "?runtime=1.0.0"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())));
        JsonNode details = JSON.readTree(get("/api/plugins/mkt.greeter").body());
        assertEquals(1, details.get("versions").get(0).get("downloads").asLong());
        assertEquals("<b>nice</b>", details.get("reviews").get(0).get("text").asText());
        assertEquals("alice", details.get("owner").asText());

        byte[] index = http.send(HttpRequest.newBuilder(URI.create(url("/repository/index.xml"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        String xml = new String(index, StandardCharsets.UTF_8);
        assertTrue(xml, xml.contains("osgi.identity") && xml.contains("mkt.greeter")
                && xml.contains(sha.toUpperCase()) || xml.contains(sha));
        assertTrue(xml, xml.contains("milkbottle.runtime") && xml.contains("osgi.wiring.package"));
        String signature = get("/repository/index.xml.sig").body().trim();
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(get("/repository/key.pem").body().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        assertTrue("the index signature verifies", verify(key, index, signature));
        byte[] tampered = xml.replace("mkt.greeter", "mkt.greetex")
                .getBytes(StandardCharsets.UTF_8);
        assertFalse("a changed index does not verify", verify(key, tampered, signature));

        assertError(publish(token, greeter()), 409, "CONFLICT");
        assertError(publish(token("mallory"), greeter()), 403, "FORBIDDEN");
        // the same version with other content: refused, and its jar is not left in the store, unreferenced
        Path other = TestBundles.plugin("mkt.greeter", "1.0.0").header("MilkBottle-Tags", "other")
                .writeTo(work("greeter-other"), "greeter.jar");
        assertError(publish(token, other), 409, "CONFLICT");
        String otherSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(other)));
        // no milkbottle.data here: the marketplace keeps its store in its bundle's own data area
        Path artifacts = bundle("org.milkbottle.marketplace").orElseThrow().getBundleContext()
                .getDataFile("marketplace").toPath().resolve("artifacts");
        assertTrue("the published jar is stored", Files.isRegularFile(artifacts.resolve(sha.substring(0, 2))
                .resolve(sha + ".jar")));
        assertFalse("a refused jar is not", Files.exists(artifacts.resolve(otherSha.substring(0, 2))
                .resolve(otherSha + ".jar")));
        // a stored jar lost from the folder comes back with a publish of the same jar (still a 409)
        Files.delete(artifacts.resolve(sha.substring(0, 2)).resolve(sha + ".jar"));
        assertError(get("/repository/artifacts/" + sha + "?runtime=1.0.0"), 404, "NOT_FOUND");
        assertError(publish(token, greeter()), 409, "CONFLICT");
        HttpResponse<String> restored = get("/repository/artifacts/" + sha + "?runtime=1.0.0");
        assertEquals(restored.body().lines().limit(5).toList() + "\n" + diagnosis(), 200, restored.statusCode());

        assertTrue(shell("mb:market-advisory mkt.greeter '[1.0,2.0)' high Greets strangers").contains("MB-"));
        assertTrue("the older form is an alias", shell("mb:market advisories").contains("Greets strangers"));
        byte[] advisories = http.send(HttpRequest.newBuilder(URI.create(url("/repository/advisories.json"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertTrue(new String(advisories, StandardCharsets.UTF_8).contains("Greets strangers"));
        assertTrue("the advisories are signed like the index",
                verify(key, advisories, get("/repository/advisories.json.sig").body().trim()));
        assertEquals(1, JSON.readTree(get("/api/advisories").body()).size());
        for (String bad : List.of("mb:market-advisory mkt.greeter 'not a range' high x",
                "mb:market-advisory mkt.greeter '[1,2)' dreadful x", "mb:market advisory '../x' '[1,2)' high x")) {
            try {
                shell(bad);
                throw new AssertionError(bad + " should be refused");
            } catch (AssertionError e) {
                throw e;
            } catch (Exception expected) {
                assertFalse(expected.getMessage(), expected.getMessage().isBlank());
            }
        }
        assertEquals("refused advisories are not stored", 1, JSON.readTree(get("/api/advisories").body()).size());
        assertEquals(1, shell("mb:market-advisories").lines().count());

        assertError(publish(token, TestBundles.withVersion(greeter(), "1.5.0", work("greeter15").resolve("g.jar"))), 422,
                "INVALID_PLUGIN"); // an affected version is not accepted either
    }

    /** A plugin that only this test publishes. */
    /** Built once per test: a jar built again a second later has other entry times, so other bytes. */
    private Path greeter;

    private Path greeter() throws IOException {
        if (greeter == null) {
            greeter = TestBundles.plugin("mkt.greeter", "1.0.0").header("MilkBottle-Tags", "demo")
                    .writeTo(work("greeter"), "greeter.jar");
        }
        return greeter;
    }

    /** What a marketplace is seeded with: hello, pdf, and the PDF plugin's PDFBox, FontBox and Commons Logging. */
    private static final int SEEDS = 5;
    private static final int LIBRARY_SEEDS = 3;

    /** The owner of the example plugins a marketplace is seeded with. */
    private static final class Seeded {
        static final String OWNER = "milkbottle";
    }

    private static boolean verify(PublicKey key, byte[] content, String signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update(content);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    public void badRequestsGetAClearFourHundredAndChangeNothing() throws Exception {
        awaitServer();
        String token = token("alice");
        assertEquals(201, publish(token, greeter()).statusCode());
        String before = get("/api/plugins/mkt.greeter").body();

        assertError(publish(null, greeter()), 401, "UNAUTHORIZED");
        assertError(publish("mbt_" + "A".repeat(43), greeter()), 401, "UNAUTHORIZED");
        assertError(publish("' OR 1=1 --", greeter()), 401, "UNAUTHORIZED");
        Path text = Files.writeString(work("bad").resolve("text.jar"), "not a jar");
        assertError(publish(token, text), 422, "INVALID_PLUGIN");

        for (String query : List.of("q=" + enc("' OR 1=1 --"), "q=" + enc("<script>alert(1)</script>"),
                "q=" + enc("%_\\"), "tag=" + enc("'; DROP TABLE versions; --"))) {
            HttpResponse<String> response = get("/api/plugins?" + query);
            assertEquals(query, 200, response.statusCode());
            assertEquals(query, 0, JSON.readTree(response.body()).get("total").asInt());
        }
        assertError(get("/api/plugins?q=" + "x".repeat(201)), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?page=0"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?pageSize=1000"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?sort=" + enc("name; DROP TABLE plugins")), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?minRating=abc"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?minRating=7"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins?runtime=x.y.z"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins/a..b"), 400, "BAD_REQUEST");
        assertError(get("/api/plugins/" + enc("x;DROP TABLE plugins")), 400, "BAD_REQUEST");
        HttpResponse<String> traversal = get("/api/plugins/%2e%2e%2F%2e%2e%2Fetc%2Fpasswd");
        assertTrue(traversal.body(), traversal.statusCode() >= 400 && traversal.statusCode() < 500);
        assertError(get("/api/plugins/no.such.plugin"), 404, "NOT_FOUND");
        assertError(get("/api/nowhere"), 404, "NOT_FOUND");
        assertError(http.send(HttpRequest.newBuilder(URI.create(url("/api/plugins/mkt.greeter"))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()), 405, "METHOD_NOT_ALLOWED");
        assertError(get("/api/plugins?page=99999999999"), 400, "BAD_REQUEST");
        // an unknown token is refused before the body is read: a large upload costs nothing
        try {
            assertError(post("/api/plugins", "mbt_" + "B".repeat(43), HttpRequest.BodyPublishers.ofByteArray(
                    new byte[5 * 1024 * 1024]), "application/java-archive"), 401, "UNAUTHORIZED");
        } catch (IOException e) {
            // the server answered and closed while the JDK client was still writing the body it never reads; that
            // client then reports the closed connection (broken pipe, reset, EOF) instead of the answer (curl shows
            // the 401). Either way it was refused: the end of this test checks that nothing changed
        }

        String hello = "mkt.greeter";
        assertError(rate(hello, "{not json"), 400, "BAD_REQUEST");
        assertError(rate(hello, "[1,2]"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"stars\":5}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\"}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":\"five\"}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":4.5}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":0}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":6}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"' OR 1=1 --\",\"stars\":5}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":5,\"review\":7}"), 400, "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":5,\"review\":\"" + "x".repeat(4001) + "\"}"), 400,
                "BAD_REQUEST");
        assertError(rate(hello, "{\"user\":\"ann\",\"stars\":5,\"review\":\"" + "x".repeat(70_000) + "\"}"), 413,
                "TOO_LARGE");
        assertError(rate("no.such.plugin", "{\"user\":\"ann\",\"stars\":5}"), 404, "NOT_FOUND");

        // Jetty itself refuses encoded separators and dot segments (with its own 400 page) before any servlet
        HttpResponse<String> escape = get("/repository/artifacts/" + enc("../../db/marketplace.mv.db"));
        assertTrue(escape.statusCode() + " " + escape.body(), escape.statusCode() >= 400 && escape.statusCode() < 500);
        assertError(get("/repository/artifacts/marketplace.mv.db"), 400, "BAD_REQUEST");
        assertError(get("/repository/artifacts/" + "0".repeat(64)), 404, "NOT_FOUND");
        assertError(get("/repository/other"), 404, "NOT_FOUND");

        assertEquals("nothing changed", before, get("/api/plugins/mkt.greeter").body());
        assertEquals(SEEDS + 1, JSON.readTree(get("/api/plugins").body()).get("total").asInt());
    }

    @Test
    public void malformedQueriesOversizedDeclarationsAndSlowBodiesGetJsonAnswersAndStarveNobody() throws Exception {
        awaitServer();
        for (String query : List.of("q=%FF", "%", "q=%zz", "q=abc%", "%C3%28")) {
            String answer = raw("GET /api/plugins?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(query + " -> " + answer, answer.startsWith("HTTP/1.1 400"));
            assertTrue(query + " -> " + answer, answer.contains("\"error\":\"BAD_REQUEST\"")
                    && (answer.contains("percent") || answer.contains("UTF-8")));
        }
        long started = System.nanoTime();
        String huge = raw("POST /api/plugins HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n"
                + "Content-Type: application/java-archive\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(huge, huge.startsWith("HTTP/1.1 413") && huge.contains("\"error\":\"TOO_LARGE\""));
        assertTrue("answered at once, not after a timeout", System.nanoTime() - started < 10_000_000_000L);

        // thirty clients trickling a rating body a byte a second: everybody else is still served, and each of
        // them is cut off once its body is clearly too slow
        List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", port());
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write(("POST /api/plugins/mkt.none/ratings HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(
                                StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            long deadline = System.nanoTime() + 14_000_000_000L;
            while (System.nanoTime() < deadline) {
                long asked = System.nanoTime();
                assertEquals(200, get("/api/plugins").statusCode());
                assertTrue("a plain search waited " + (System.nanoTime() - asked) / 1_000_000 + " ms",
                        System.nanoTime() - asked < 5_000_000_000L);
                for (java.net.Socket socket : slow) {
                    if (!socket.isClosed()) {
                        try {
                            socket.getOutputStream().write(' ');
                        } catch (IOException closedByTheServer) {
                            socket.close();
                        }
                    }
                }
                Thread.sleep(1000);
            }
            String cutOff = new String(slow.get(0).getInputStream().readNBytes(300), StandardCharsets.UTF_8);
            assertTrue(cutOff, cutOff.startsWith("HTTP/1.1 408") && cutOff.contains("REQUEST_TIMEOUT"));
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    public void publishersRacingForANewNameAndOneUserRatingAtOnceGetOneWinnerAndClearAnswers() throws Exception {
        awaitServer();
        List<String> publishers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            publishers.add(token("racer" + i));
        }
        Path dir = work("race");
        List<Path> jars = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jars.add(TestBundles.plugin("mkt.raced", "1." + i + ".0").writeTo(dir, "raced-" + i + ".jar"));
        }
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int client = i;
                answers.add(clients.submit(() -> {
                    go.await();
                    return publish(publishers.get(client), jars.get(client));
                }));
            }
            go.countDown();
            int created = 0;
            for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    created++;
                } else {
                    assertTrue(response.statusCode() + " " + response.body(), response.statusCode() == 409
                            || response.statusCode() == 403);
                    assertFalse("no SQL in answers: " + response.body(), response.body().contains("INSERT")
                            || response.body().contains("constraint") || response.body().contains("PRIMARY KEY"));
                    assertTrue(response.body(), response.body().contains("owned by racer")
                            || response.body().contains("racer"));
                }
            }
            assertEquals("one publisher owns the name", 1, created);
            JsonNode details = JSON.readTree(get("/api/plugins/mkt.raced").body());
            assertEquals("only the owner's version landed", 1, details.get("versions").size());

            // one user rating the same plugin twenty times at once: every answer a 200, one rating kept
            java.util.concurrent.CountDownLatch again = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<HttpResponse<String>>> ratings = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int stars = 1 + i % 5;
                ratings.add(clients.submit(() -> {
                    again.await();
                    return rate("mkt.raced", "{\"user\":\"zoe\",\"stars\":" + stars + "}");
                }));
            }
            again.countDown();
            for (java.util.concurrent.Future<HttpResponse<String>> rating : ratings) {
                HttpResponse<String> response = rating.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(response.body(), 200, response.statusCode());
            }
            assertEquals(1, JSON.readTree(get("/api/plugins/mkt.raced").body()).get("summary").get("ratingCount")
                    .asInt());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    public void aBodyCutShortByAHalfClosedSocketGetsAClearFourHundredAndStoresNothing() throws Exception {
        awaitServer();
        String owner = token("halfclose");
        Path jarFile = TestBundles.plugin("mkt.halfclosed", "1.0.0").writeTo(work("half"), "h.jar");
        byte[] jar = Files.readAllBytes(jarFile);
        int listed = JSON.readTree(get("/api/plugins").body()).get("total").asInt();

        String publish = halfClosed("POST /api/plugins HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + owner
                + "\r\nContent-Type: application/java-archive\r\nContent-Length: " + jar.length + "\r\n\r\n",
                java.util.Arrays.copyOf(jar, jar.length / 2));
        assertTrue(publish, publish.startsWith("HTTP/1.1 400") && publish.contains("\"error\":\"INCOMPLETE_BODY\"")
                && publish.contains("after " + jar.length / 2 + " bytes of the " + jar.length)
                && publish.contains("nothing was stored"));
        assertEquals(404, get("/api/plugins/mkt.halfclosed").statusCode());
        assertEquals(listed, JSON.readTree(get("/api/plugins").body()).get("total").asInt());

        String rating = halfClosed("POST /api/plugins/mkt.greeter/ratings HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n",
                "{\"user\":\"hal\",".getBytes(StandardCharsets.US_ASCII));
        assertTrue(rating, rating.startsWith("HTTP/1.1 400") && rating.contains("INCOMPLETE_BODY"));

        // the whole jar, sent properly afterwards, is taken: the refused attempt left nothing in its way
        assertEquals(201, publish(owner, jarFile).statusCode());
    }

    /** Sends a request head and part of its body, then shuts the sending side (FIN) and reads the whole answer. */
    private String halfClosed(String head, byte[] partOfTheBody) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(partOfTheBody);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            try {
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketException reset) {
                return "reset by the server: " + reset;
            }
        }
    }

    /** Sends {@code request} as written (no client library checks or fixes it) and returns the whole answer. */
    private String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(StandardCharsets.UTF_8).contains("\"message\"")) {
                        break; // a keep-alive answer: the JSON body is there
                    }
                }
            } catch (java.net.SocketException reset) {
                // the server closed after answering
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
