package org.milkbottle.repository.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.repository.api.RepositoryProperties;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.repository.Repository;

import com.sun.net.httpserver.HttpServer;

import aQute.bnd.osgi.resource.CapReqBuilder;

class RepositoryServicesTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final TestRepositories.Registrations registrations = new TestRepositories.Registrations();
    private final AtomicInteger fetched = new AtomicInteger();
    private volatile boolean down;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private RepositoryServices services(Duration expiry) throws IOException {
        IndexSource indexes = new IndexSource(new Network(Duration.ofSeconds(2)), dir.resolve("cache"),
                TestIndexCaches.expiring(expiry),
                () -> "1.4.0");
        return new RepositoryServices(registrations.context(), indexes, repository -> fetched.incrementAndGet());
    }

    private static Requirement identity(String name, String range) {
        return CapReqBuilder.createBundleRequirement(name, range).buildSyntheticRequirement();
    }

    private static List<Resource> providers(Repository repository, Requirement requirement) {
        Map<Requirement, Collection<Capability>> answer = repository.findProviders(List.of(requirement));
        return answer.get(requirement).stream().map(Capability::getResource).toList();
    }

    private static Map<String, Object> content(Resource resource) {
        return resource.getCapabilities("osgi.content").get(0).getAttributes();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Serves {@code folder} as a marketplace's /repository/ does, or 503 while {@link #down}. */
    private String serve(Path folder) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repository/", exchange -> {
            Path file = folder.resolve(exchange.getRequestURI().getPath().substring("/repository/".length()));
            byte[] body = !down && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(down ? 503 : body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repository/";
    }

    /** A served marketplace with acme.pdf 1.2.0 and a signed index; {@code tampered}: changed after signing. */
    private ConfiguredRepository marketplace(boolean tampered) throws Exception {
        Path folder = dir.resolve("market");
        Path jar = TestRepositories.bundle(folder.resolve("artifacts"), "acme.pdf", "1.2.0", "PDF tools", null);
        KeyPair keys = TestRepositories.keys();
        byte[] index = TestRepositories.index(folder, List.of(jar));
        Files.writeString(folder.resolve("index.xml.sig"), TestRepositories.sign(keys, index));
        Files.write(folder.resolve("index.xml"), tampered ? TestRepositories.utf8(new String(index,
                StandardCharsets.UTF_8).replace("acme.pdf", "acme.evil")) : index);
        return new ConfiguredRepository("remote", serve(folder), TestRepositories.pem(keys));
    }

    @Test
    void aFolderAnswersByIdentityWithAbsoluteFileUrlsAndTheLowerCaseSha256() throws Exception {
        Path folder = dir.resolve("folder");
        Path v1 = TestRepositories.bundle(folder.resolve("artifacts"), "acme.pdf", "1.2.0", "PDF tools", null);
        Path v2 = TestRepositories.bundle(folder.resolve("artifacts"), "acme.pdf", "2.0.0", "PDF tools", null);
        Files.write(folder.resolve("index.xml"), TestRepositories.index(folder, List.of(v1, v2)));

        try (RepositoryServices services = services(Duration.ofMinutes(5))) {
            services.register(new ConfiguredRepository("folder", folder.toUri().toString(), null));
            IndexedRepository repository = services.find("folder").orElseThrow();

            List<Resource> found = providers(repository, identity("acme.pdf", "[1.0,2.0)"));
            assertThat(found).hasSize(1);
            assertThat(content(found.get(0))).containsEntry("osgi.content", sha256(v1));
            URI url = URI.create(String.valueOf(content(found.get(0)).get("url")));
            assertThat(url.getScheme()).isEqualTo("file");
            assertThat(Path.of(url)).isEqualTo(v1);
            assertThat(providers(repository, identity("acme.pdf", null))).hasSize(2);
            assertThat(providers(repository, identity("acme.other", null))).isEmpty();

            assertThat(registrations.properties.get(repository)).containsEntry(RepositoryProperties.NAME, "folder")
                    .containsEntry(Repository.URL, folder.toUri().toString())
                    .doesNotContainKey(RepositoryProperties.NOTE);
        }
        assertThat(registrations.properties).as("closed: unregistered").isEmpty();
    }

    @Test
    void anUnreachableMarketplaceAnswersFromItsLastIndexAndItsNotePropertySaysSoUntilItIsBack() throws Exception {
        ConfiguredRepository remote = marketplace(false);
        String url = remote.url();

        try (RepositoryServices services = services(Duration.ZERO)) {
            services.register(remote);
            IndexedRepository repository = services.find("remote").orElseThrow();

            Resource resource = providers(repository, identity("acme.pdf", null)).get(0);
            assertThat(content(resource).get("url")).isEqualTo(url + "artifacts/acme.pdf-1.2.0.jar?runtime=1.4.0");
            assertThat(registrations.properties.get(repository)).doesNotContainKey(RepositoryProperties.NOTE);
            assertThat(fetched).as("told of the fresh index (for the advisories)").hasValue(1);

            down = true;
            assertThat(providers(repository, identity("acme.pdf", null))).as("the last good index answers").hasSize(1);
            assertThat(String.valueOf(registrations.properties.get(repository).get(RepositoryProperties.NOTE)))
                    .contains("repository 'remote' is unreachable (HTTP 503").contains("using its index from");
            assertThat(fetched).hasValue(1);

            down = false;
            assertThat(providers(repository, identity("acme.pdf", null))).hasSize(1);
            assertThat(registrations.properties.get(repository)).doesNotContainKey(RepositoryProperties.NOTE);
        }
    }

    @Test
    void afterARestartWithoutNetworkTheCopyOnDiskAnswers() throws Exception {
        ConfiguredRepository remote = marketplace(false);
        try (RepositoryServices services = services(Duration.ZERO)) {
            services.register(remote);
            assertThat(providers(services.find("remote").orElseThrow(), identity("acme.pdf", null))).hasSize(1);
        }

        down = true;
        try (RepositoryServices services = services(Duration.ZERO)) {
            services.register(remote);
            IndexedRepository repository = services.find("remote").orElseThrow();
            assertThat(providers(repository, identity("acme.pdf", null))).hasSize(1);
            assertThat(String.valueOf(registrations.properties.get(repository).get(RepositoryProperties.NOTE)))
                    .contains("is unreachable");
        }
    }

    @Test
    void aTamperedIndexAnswersNothingAndTheNoteSaysWhy() throws Exception {
        ConfiguredRepository remote = marketplace(true);

        try (RepositoryServices services = services(Duration.ZERO)) {
            services.register(remote);
            IndexedRepository repository = services.find("remote").orElseThrow();
            assertThat(providers(repository, identity("acme.evil", null))).isEmpty();
            assertThat(String.valueOf(registrations.properties.get(repository).get(RepositoryProperties.NOTE)))
                    .contains("does not match its signature");
            assertThat(fetched).hasValue(0);
        }
    }

    @Test
    void aRemovedRepositoryIsUnregistered() throws Exception {
        try (RepositoryServices services = services(Duration.ZERO)) {
            services.register(new ConfiguredRepository("a", dir.toUri().toString(), null));
            services.register(new ConfiguredRepository("b", dir.toUri().toString(), null));
            services.unregister("a");
            assertThat(services.names()).containsExactly("b");
            assertThat(registrations.properties).hasSize(1);
            assertThat(URI.create(String.valueOf(registrations.properties.values().iterator().next()
                    .get(Repository.URL)))).isEqualTo(dir.toUri());
        }
    }
}
