package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.fixtures.CriticalHealthCheck;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** /health, /health/ready and /health/live over HTTP, from the Felix health checks. */
@RunWith(PaxExam.class)
public class HealthEndpointIT extends MilkBottleTestSupport {

    private static final int PORT = freePort();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(PORT));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // the port the configuration chose (this class's static fields are made again inside the container)
        String port = context.getProperty("org.osgi.service.http.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Asks until the answer passes {@code until} (the servlet comes with the HTTP server, the marketplace opens its
     * store, and the executor keeps a check's result for a moment); fails with the last answer after 30 s.
     */
    private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> until) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpResponse<String> last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = get(path);
                if (until.test(last)) {
                    return last;
                }
            } catch (IOException notListeningYet) {
                // the HTTP server is starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never gave the expected answer; last: "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static JsonNode check(HttpResponse<String> response, String name) throws IOException {
        for (JsonNode check : JSON.readTree(response.body()).get("checks")) {
            if (name.equals(check.get("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + response.body());
    }

    @Test
    public void allIsWellIs200WithEachCheckInJson() throws Exception {
        HttpResponse<String> ready = await("/health/ready", r -> r.statusCode() == 200);
        assertTrue(ready.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(ready.body());
        assertEquals(ready.body(), "OK", body.get("status").asText());
        assertEquals("OK", check(ready, "runtime bundles").get("status").asText());
        assertEquals("OK", check(ready, "recovery").get("status").asText());
        JsonNode store = check(ready, "marketplace store");
        assertEquals(ready.body(), "org.milkbottle.marketplace", store.get("bundle").asText());
        assertEquals(ready.body(), "ready", store.get("tags").get(0).asText());
        assertTrue(ready.body(), store.get("message").asText().contains("The store answers"));

        HttpResponse<String> live = get("/health/live");
        assertEquals(live.body(), 200, live.statusCode());
        assertEquals("OK", check(live, "framework").get("status").asText());
        assertEquals(live.body(), 1, JSON.readTree(live.body()).get("checks").size());

        HttpResponse<String> all = get("/health");
        assertEquals(all.body(), 200, all.statusCode());
        check(all, "framework");
        check(all, "marketplace store");

        HttpResponse<String> unknown = get("/health/everything");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("There are /health, /health/ready and /health/live"));
    }

    @Test
    public void aPluginsFailingCheckIs503NamingItEvenWithoutTags() throws Exception {
        await("/health", r -> r.statusCode() == 200);
        Path jar = TestBundles.plugin("org.acme.sick", "1.0.0").importPackage("org.apache.felix.hc.api")
                .serviceComponent(CriticalHealthCheck.class, "org.apache.felix.hc.api.HealthCheck", true,
                        Map.of("hc.name", "always-critical"))
                .writeTo(work("health-sick"), "sick.jar");
        manager.install(InstallRequest.of("test", jar.toString()));
        try {
            HttpResponse<String> sick = await("/health", r -> r.statusCode() == 503);
            assertEquals(sick.body(), "CRITICAL", JSON.readTree(sick.body()).get("status").asText());
            JsonNode check = check(sick, "always-critical");
            assertEquals("CRITICAL", check.get("status").asText());
            assertEquals("org.acme.sick", check.get("bundle").asText());
            assertTrue(sick.body(), check.get("message").asText().contains("the disk is on fire"));
            // a plugin's check is the plugin's health, not the runtime's readiness
            assertEquals(200, get("/health/ready").statusCode());
            assertEquals(200, get("/health?tags=ready").statusCode());
        } finally {
            manager.uninstall("org.acme.sick", "test");
        }
        await("/health", r -> r.statusCode() == 200);
    }

    @Test
    public void aStoppedRuntimeBundleMakesTheRuntimeUnready() throws Exception {
        await("/health/ready", r -> r.statusCode() == 200);
        Bundle repository = bundle("org.milkbottle.repository").orElseThrow();
        repository.stop();
        try {
            HttpResponse<String> unready = await("/health/ready", r -> r.statusCode() == 503);
            JsonNode check = check(unready, "runtime bundles");
            assertEquals("CRITICAL", check.get("status").asText());
            assertTrue(unready.body(), check.get("message").asText().contains("org.milkbottle.repository")
                    && check.get("message").asText().contains("RESOLVED"));
            assertEquals("the process still lives", 200, get("/health/live").statusCode());
        } finally {
            repository.start();
        }
        await("/health/ready", r -> r.statusCode() == 200);
    }

    @Test
    public void aReadinessCheckThatIsNotYetAvailableIs503() throws Exception {
        await("/health/ready", r -> r.statusCode() == 200);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(HealthCheck.NAME, "warming up");
        properties.put(HealthCheck.TAGS, new String[] {"ready"});
        ServiceRegistration<HealthCheck> warming = context.registerService(HealthCheck.class,
                () -> new Result(Result.Status.TEMPORARILY_UNAVAILABLE, "still loading"), properties);
        try {
            HttpResponse<String> unready = await("/health/ready", r -> r.statusCode() == 503);
            assertEquals(unready.body(), "TEMPORARILY_UNAVAILABLE", JSON.readTree(unready.body()).get("status")
                    .asText());
            assertTrue(unready.body(), check(unready, "warming up").get("message").asText().contains("still loading"));
        } finally {
            warming.unregister();
        }
        await("/health/ready", r -> r.statusCode() == 200);
    }
}
