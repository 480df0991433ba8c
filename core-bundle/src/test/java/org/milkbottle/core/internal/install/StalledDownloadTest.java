package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.store.ArtifactStore;

import com.sun.net.httpserver.HttpServer;

/** A server that sends the headers and a little of the body, then nothing: the download fails in time. */
class StalledDownloadTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stalls.jar", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            OutputStream body = exchange.getResponseBody();
            body.write(new byte[4096]);
            body.flush();
            try {
                release.await(); // and then nothing, until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    @Timeout(30) // without the guard the download waits for as long as the connection lives
    void aServerThatStopsSendingFailsTheDownloadWithinTheTimeoutAndLeavesNoPartialFile() throws IOException {
        Duration timeout = Duration.ofSeconds(1);
        ArtifactStore store = new ArtifactStore(dir.resolve("store"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        ArtifactFetcher fetcher = new ArtifactFetcher(store, new MavenResolver(dir.resolve("m2"), List.of(), List.of(),
                () -> http, timeout), dir, 10_000_000, () -> http, timeout);
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/stalls.jar";

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(PluginException.class)
                .hasMessageContaining("sent nothing for 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        try (Stream<Path> left = Files.list(dir.resolve("store"))) {
            assertThat(left).as("no partial file").isEmpty();
        }
    }
}
