package org.milkbottle.repository.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;

import com.sun.net.httpserver.HttpServer;

class RepositoryAdvisoriesTest {

    /** The registry as the validation bundle keeps it: one list per source. */
    static final class Registry implements AdvisoryRegistry {
        final Map<String, List<Advisory>> published = new ConcurrentHashMap<>();

        @Override
        public void publish(String source, List<Advisory> advisories) {
            published.put(source, List.copyOf(advisories));
        }

        @Override
        public void withdraw(String source) {
            published.remove(source);
        }

        @Override
        public Set<String> sources() {
            return Set.copyOf(published.keySet());
        }
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private KeyPair keys;
    private volatile String json;
    private volatile String signature;
    private final Registry registry = new Registry();

    @BeforeEach
    void serve() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repository/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("advisories.json") ? json : path.endsWith("advisories.json.sig") ? signature
                    : null;
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void advisories(String id, String severity) throws Exception {
        json = "[{\"id\":\"" + id + "\",\"plugin\":\"acme.pdf\",\"versions\":\"[1.0,2.0)\",\"severity\":\"" + severity
                + "\",\"message\":\"leaks\"}]";
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(json.getBytes(StandardCharsets.UTF_8));
        signature = Base64.getEncoder().encodeToString(signer.sign());
    }

    private ConfiguredRepository repository() {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return new ConfiguredRepository("acme", "http://127.0.0.1:" + server.getAddress().getPort() + "/repository/", pem);
    }

    private RepositoryAdvisories client(Duration expiry) throws Exception {
        return new RepositoryAdvisories(registry, new Network(Duration.ofSeconds(2)), dir.resolve("index-cache"), expiry,
                Duration.ofSeconds(2));
    }

    private List<String> pushedIds() {
        return registry.published.getOrDefault("repository:acme", List.of()).stream().map(Advisory::id).toList();
    }

    @Test
    void verifiedAdvisoriesArePushedFetchedAgainAfterTheExpiryAndWithdrawnWithTheRepository() throws Exception {
        advisories("MB-1", "high");
        try (RepositoryAdvisories client = client(Duration.ZERO)) {
            client.refresh(repository());
            assertThat(pushedIds()).containsExactly("MB-1");

            advisories("MB-2", "low");
            client.refresh(repository());
            assertThat(pushedIds()).containsExactly("MB-2");

            client.withdraw("acme");
            assertThat(registry.sources()).isEmpty();
        }
    }

    @Test
    void withinTheExpiryTheNetworkIsNotAskedAgain() throws Exception {
        advisories("MB-1", "high");
        try (RepositoryAdvisories client = client(Duration.ofMinutes(5))) {
            client.refresh(repository());
            advisories("MB-2", "low");
            client.refresh(repository());
            assertThat(pushedIds()).containsExactly("MB-1");
        }
    }

    @Test
    void aTamperedOrUnreachableMarketplaceKeepsTheLastGoodAdvisoriesAlsoAcrossARestart() throws Exception {
        advisories("MB-1", "critical");
        ConfiguredRepository repository = repository();
        try (RepositoryAdvisories client = client(Duration.ZERO)) {
            client.refresh(repository);
            json = json.replace("critical", "low"); // changed after signing
            client.refresh(repository);
            assertThat(registry.published.get("repository:acme")).extracting(Advisory::severity)
                    .containsExactly("critical");
        }
        assertThat(registry.sources()).as("a stopped client withdraws what it pushed").isEmpty();

        server.stop(0);
        server = null;
        try (RepositoryAdvisories client = client(Duration.ZERO)) {
            client.start(() -> List.of(repository));
            assertThat(registry.published.get("repository:acme")).as("the kept copy, pushed at start")
                    .extracting(Advisory::severity).containsExactly("critical");
            client.refresh(repository);
            assertThat(pushedIds()).containsExactly("MB-1");
        }
    }

    @Test
    void folderRepositoriesHaveNoAdvisoriesToFetch() throws Exception {
        try (RepositoryAdvisories client = client(Duration.ZERO)) {
            client.refresh(new ConfiguredRepository("folder", dir.toUri().toString(), null));
            assertThat(registry.sources()).isEmpty();
        }
    }
}
