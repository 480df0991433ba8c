package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.validation.api.Provenance;

import com.sun.net.httpserver.HttpServer;

/**
 * Maven resolution and URL downloads against a local HTTP server that serves what each test puts in it:
 * checksums that match, differ or are missing, repositories that answer 404 or are not there at all.
 */
class MavenAndUrlFetchTest {

    private static final String COORDINATES = "mvn:com.example/greeter/1.2.0";
    private static final String PATH = "com/example/greeter/1.2.0/greeter-1.2.0.jar";
    private static final byte[] JAR = "pretend this is a jar".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Duration timeout = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }
    }

    private MavenResolver resolver(List<String> remotes, List<String> trusted) {
        return new MavenResolver(dir.resolve("m2"), remotes, trusted, () -> http, timeout);
    }

    private Path jarFile() throws IOException {
        Path file = dir.resolve("greeter.jar");
        Files.write(file, JAR);
        return file;
    }

    @Test
    void aMissingArtifactIsDownloadedIntoTheLocalRepositoryThenTakenFromThere() throws Exception {
        files.put("/repo/" + PATH, JAR);
        MavenResolver resolver = resolver(List.of(base().replaceAll("/$", "")), List.of());

        Path local = resolver.resolve(COORDINATES);

        assertThat(local).isEqualTo(dir.resolve("m2").resolve(PATH));
        assertThat(Files.readAllBytes(local)).isEqualTo(JAR);
        try (Stream<Path> siblings = Files.list(local.getParent())) {
            assertThat(siblings).as("no .part file left").containsExactly(local);
        }
        files.clear(); // the repository forgets it: the local copy is used
        assertThat(resolver.resolve(COORDINATES)).isEqualTo(local);
    }

    @Test
    void anArtifactNoRepositoryHasIsRefusedWithEveryRepositorysAnswerAndAHint() throws Exception {
        String down = closedPortUrl();
        MavenResolver resolver = resolver(List.of(base(), down), List.of());

        assertThatThrownBy(() -> resolver.resolve(COORDINATES)).isInstanceOf(PluginException.class)
                .hasMessageContaining(COORDINATES + " is not in the local Maven repository (" + dir.resolve("m2"))
                .hasMessageContaining(base() + " answered HTTP 404")
                .hasMessageContaining(down + ": could not connect (connection refused)")
                .hasMessageContaining("run 'mvn dependency:get -Dartifact=com.example:greeter:1.2.0' first");
        assertThat(dir.resolve("m2").resolve(PATH)).doesNotExist();
    }

    @Test
    void aSha256PublishedByATrustedRepositoryThatMatchesMakesTheArtifactTrusted() throws Exception {
        files.put("/repo/" + PATH + ".sha256", (hex("SHA-256", JAR) + "  greeter-1.2.0.jar\n").getBytes());
        Provenance provenance = resolver(List.of(), List.of(base())).verify(COORDINATES, jarFile());

        assertThat(provenance.kind()).isEqualTo(Provenance.Kind.TRUSTED_MAVEN);
        assertThat(provenance.source()).isEqualTo(COORDINATES);
        assertThat(provenance.evidence()).isEqualTo("SHA-256 matches the checksum published by the trusted Maven "
                + "repository " + base());
    }

    @Test
    void withoutSha256TheSha1IsChecked() throws Exception {
        files.put("/repo/" + PATH + ".sha1", hex("SHA-1", JAR).toUpperCase().getBytes());
        // the repository is configured without its trailing slash: the resolver adds it
        Provenance provenance = resolver(List.of(), List.of(base().replaceAll("/$", "")))
                .verify(COORDINATES, jarFile());

        assertThat(provenance.kind()).isEqualTo(Provenance.Kind.TRUSTED_MAVEN);
        assertThat(provenance.evidence()).startsWith("SHA-1 matches");
    }

    @Test
    void aChecksumThatDiffersIsRefusedOutrightNamingBothChecksumsAndTheFile() throws Exception {
        String wrong = "0".repeat(64);
        files.put("/repo/" + PATH + ".sha256", wrong.getBytes());
        Path file = jarFile();

        assertThatThrownBy(() -> resolver(List.of(), List.of(base())).verify(COORDINATES, file))
                .isInstanceOf(PluginException.class)
                .hasMessage(COORDINATES + " does not match the SHA-256 that " + base() + " publishes for it (" + wrong
                        + ", the file has " + hex("SHA-256", JAR) + "). The copy in " + file
                        + " was changed or is corrupt: delete it and install again.");
    }

    @Test
    void anEmptyChecksumFileCountsAsNoAnswer() throws Exception {
        files.put("/repo/" + PATH + ".sha256", "  \n".getBytes());
        String down = closedPortUrl();
        Provenance provenance = resolver(List.of(), List.of(base(), down)).verify(COORDINATES, jarFile());

        assertThat(provenance.kind()).isEqualTo(Provenance.Kind.FILE);
        assertThat(provenance.evidence()).isEqualTo("its checksum could not be checked against a trusted Maven "
                + "repository (" + base() + ", " + down + " did not answer: offline?)");
    }

    @Test
    void withoutTrustedRepositoriesNothingIsChecked() throws Exception {
        Provenance provenance = resolver(List.of(), List.of()).verify(COORDINATES, jarFile());
        assertThat(provenance.kind()).isEqualTo(Provenance.Kind.FILE);
        assertThat(provenance.evidence()).contains("no Maven repository is configured as trusted");
    }

    @Test
    void aFileThatCannotBeReadForItsChecksumIsNamed() {
        files.put("/repo/" + PATH + ".sha256", "abc".getBytes());
        Path missing = dir.resolve("gone.jar");
        assertThatThrownBy(() -> resolver(List.of(), List.of(base())).verify(COORDINATES, missing))
                .isInstanceOf(PluginException.class).hasMessageStartingWith("Cannot read " + missing + ":");
    }

    // ---- ArtifactFetcher: the sources a user may give

    private ArtifactFetcher fetcher(long maxBytes) {
        return new ArtifactFetcher(new ArtifactStore(dir.resolve("store")), resolver(List.of(base()),
                List.of(base())), dir, maxBytes, () -> http, timeout);
    }

    private long stored() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("store"))) {
            return entries.count();
        }
    }

    @Test
    void aUrlIsDownloadedIntoTheStore() throws Exception {
        files.put("/files/greeter.jar", JAR);
        ArtifactStore.Stored stored = fetcher(1000).fetch(" " + base().replace("/repo/", "/files/greeter.jar") + " ");
        assertThat(stored.size()).isEqualTo(JAR.length);
        assertThat(stored.sha256()).isEqualTo(hex("SHA-256", JAR));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(JAR);
    }

    @Test
    void aUrlThatAnswers404IsRefusedWithTheStatus() throws Exception {
        String url = base() + "nothing.jar";
        assertThatThrownBy(() -> fetcher(1000).fetch(url)).isInstanceOf(PluginException.class)
                .hasMessage("Download of " + url + " failed: the server answered HTTP 404. Check the URL.");
        assertThat(stored()).isZero();
    }

    @Test
    void aDownloadOverTheLimitFailsAndLeavesNothing() throws Exception {
        files.put("/files/big.jar", new byte[5000]);
        String url = base().replace("/repo/", "/files/big.jar");
        assertThatThrownBy(() -> fetcher(1000).fetch(url)).isInstanceOf(PluginException.class)
                .hasMessageContaining("Download of " + url + " failed: IOException: it is larger than the limit of "
                        + "1000 bytes")
                .hasMessageContaining("download the jar and install the file");
        assertThat(stored()).isZero();
    }

    @Test
    void aServerThatIsNotThereIsNamedWithTheCause() throws Exception {
        String url = closedPortUrl() + "x.jar";
        assertThatThrownBy(() -> fetcher(1000).fetch(url)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("Download of " + url + " failed: could not connect (connection refused)")
                .hasMessageContaining("Check the URL and your network");
    }

    @Test
    void aMalformedUrlIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> fetcher(1000).fetch("http://exa mple.com/x.jar")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("'http://exa mple.com/x.jar' is not a valid URL (");
    }

    @Test
    void mvnSourcesGoThroughTheResolverAndAreCheckedAgainstTheTrustedRepository() throws Exception {
        files.put("/repo/" + PATH, JAR);
        files.put("/repo/" + PATH + ".sha256", hex("SHA-256", JAR).getBytes());
        ArtifactFetcher fetcher = fetcher(1000);

        ArtifactStore.Stored stored = fetcher.fetch(COORDINATES);
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(JAR);
        assertThat(fetcher.provenance(COORDINATES, stored).kind()).isEqualTo(Provenance.Kind.TRUSTED_MAVEN);
    }

    @Test
    void urlsAndFilesVouchForNothing() throws Exception {
        ArtifactFetcher fetcher = fetcher(1000);
        ArtifactStore.Stored stored = fetcher.fetch(jarFile().toString());

        Provenance url = fetcher.provenance("https://example.com/g.jar", stored);
        assertThat(url.kind()).isEqualTo(Provenance.Kind.URL);
        assertThat(url.evidence()).contains("its source vouches for nothing");

        Provenance file = fetcher.provenance("greeter.jar", stored);
        assertThat(file.kind()).isEqualTo(Provenance.Kind.FILE);
        assertThat(file.source()).isEqualTo(dir.resolve("greeter.jar").toString());
    }

    @Test
    void localPathsAreRememberedAbsoluteAndOtherSourcesUnchanged() {
        ArtifactFetcher fetcher = fetcher(1000);
        assertThat(fetcher.canonical("plugins/../hello.jar")).isEqualTo(dir.resolve("hello.jar").toString());
        assertThat(fetcher.canonical(" mvn:a/b/1 ")).isEqualTo("mvn:a/b/1");
        assertThat(fetcher.canonical("https://x/y.jar")).isEqualTo("https://x/y.jar");
        assertThat(fetcher.canonical("file:/tmp/a.jar")).isEqualTo("file:/tmp/a.jar");
        assertThat(fetcher.canonical("ftp://x/y.jar")).isEqualTo("ftp://x/y.jar");
        assertThat(fetcher.canonical(null)).isEmpty();
        assertThat(fetcher.canonical("bad\0name.jar")).isEqualTo("bad\0name.jar");
    }

    @Test
    void badLocalSourcesAreRefusedWithWhatToDo() throws Exception {
        ArtifactFetcher fetcher = fetcher(1000);
        assertThatThrownBy(() -> fetcher.fetch("  ")).isInstanceOf(PluginException.class)
                .hasMessage("No source given. Name a jar file, an http(s) URL or mvn:group/artifact/version.");
        assertThatThrownBy(() -> fetcher.fetch(dir.toString())).isInstanceOf(PluginException.class)
                .hasMessage(dir + " is a directory; give the path of a bundle jar.");
        assertThatThrownBy(() -> fetcher.fetch("missing.jar")).isInstanceOf(PluginException.class)
                .hasMessage("File not found: " + dir.resolve("missing.jar") + ". Check the path (relative paths "
                        + "start from " + dir + ").");
        assertThatThrownBy(() -> fetcher.fetch("ftp://example.com/a.jar")).isInstanceOf(PluginException.class)
                .hasMessageContaining("uses a scheme MilkBottle cannot fetch");
        assertThatThrownBy(() -> fetcher.fetch("file://host/a.jar")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("'file://host/a.jar' is not a valid file URL (");
        assertThatThrownBy(() -> fetcher.fetch("bad\0name.jar")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("'bad\0name.jar' is not a valid file path (");
        assertThat(stored()).isZero();
    }

    @Test
    void aFileUrlIsReadFromDisk() throws Exception {
        Path file = jarFile();
        ArtifactStore.Stored stored = fetcher(1000).fetch(file.toUri().toString());
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(JAR);
    }

    @Test
    void aLocalFileOverTheLimitIsRefusedNamingTheSource() throws Exception {
        Path file = dir.resolve("big.jar");
        Files.write(file, new byte[2000]);
        assertThatThrownBy(() -> fetcher(1000).fetch("big.jar")).isInstanceOf(PluginException.class)
                .hasMessage("Cannot read big.jar: it is larger than the limit of 1000 bytes");
    }
}
