package org.milkbottle.sdk.internal.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.PublishReceipt;
import org.milkbottle.sdk.api.SdkException;

import com.sun.net.httpserver.HttpServer;

/** The publisher against a stand-in marketplace (the JDK's HTTP server); the real one: SdkPublishIT. */
class HttpPublisherTest {

    @TempDir
    Path work;

    private HttpServer server;
    private URI address;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<byte[]> received = new AtomicReference<>();
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/plugins", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            received.set(exchange.getRequestBody().readAllBytes());
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        address = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Path jar() throws IOException {
        return Files.write(work.resolve("notes.jar"), new byte[] {'P', 'K', 1, 2, 3});
    }

    @Test
    void aPublishedJarGivesTheMarketplacesReceipt() throws Exception {
        status = 201;
        answer = "{\"name\":\"org.acme.notes\",\"version\":\"0.1.0\",\"sha256\":\"ab12\",\"findings\":[\"INFO x: y\"]}";
        PublishReceipt receipt = new HttpPublisher().publish(jar(), address, " mbt_secret ");
        assertThat(receipt).isEqualTo(new PublishReceipt(address, "org.acme.notes", "0.1.0", "ab12",
                java.util.List.of("INFO x: y")));
        assertThat(authorization.get()).isEqualTo("Bearer mbt_secret");
        assertThat(received.get()).containsExactly('P', 'K', 1, 2, 3);
    }

    @Test
    void refusalsSayWhoRefusedWhatAndThatNothingWasPublished() throws Exception {
        HttpPublisher publisher = new HttpPublisher();
        Path jar = jar();
        status = 401;
        answer = "{\"error\":\"UNAUTHORIZED\",\"message\":\"The API token is not known to this marketplace.\"}";
        assertThatThrownBy(() -> publisher.publish(jar, address, "mbt_wrong")).isInstanceOf(SdkException.class)
                .hasMessage("The marketplace refused the token: The API token is not known to this marketplace. "
                        + "Nothing was published.");
        status = 422;
        answer = "{\"error\":\"INVALID_PLUGIN\",\"message\":\"The jar did not pass validation: no contact "
                + "[metadata.contact]\"}";
        assertThatThrownBy(() -> publisher.publish(jar, address, "mbt_x"))
                .hasMessage("The marketplace refused the jar: The jar did not pass validation: no contact "
                        + "[metadata.contact] Nothing was published.");
        status = 503;
        answer = "{\"error\":\"UNAVAILABLE\",\"message\":\"The store failed.\"}";
        assertThatThrownBy(() -> publisher.publish(jar, address, "mbt_x"))
                .hasMessage("The marketplace failed: The store failed. Try again in a moment. Nothing was published.");
        status = 404;
        answer = "<html>no</html>";
        assertThatThrownBy(() -> publisher.publish(jar, address, "mbt_x"))
                .hasMessageContaining("HTTP 404 without the marketplace's JSON answer (is " + address
                        + " a MilkBottle marketplace?)");
    }

    @Test
    void badInputAndAnUnreachableMarketplaceAreClearOneLineErrors() throws Exception {
        HttpPublisher publisher = new HttpPublisher();
        Path jar = jar();
        assertThatThrownBy(() -> publisher.publish(work.resolve("missing.jar"), address, "mbt_x"))
                .hasMessageStartingWith(work.resolve("missing.jar") + " is not a file");
        assertThatThrownBy(() -> publisher.publish(jar, address, " "))
                .hasMessageStartingWith("Publishing needs the marketplace's token for you");
        assertThatThrownBy(() -> publisher.publish(jar, URI.create("ftp://example.org"), "mbt_x"))
                .hasMessageStartingWith("'ftp://example.org' is not a marketplace address");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed);
        assertThatThrownBy(() -> publisher.publish(jar, nowhere, "mbt_x"))
                .hasMessage("Could not reach the marketplace at " + nowhere + " (nothing answers there); check the "
                        + "address and that it runs. Nothing was published.");
        String leaked = "mbt_secret\nX-Evil: 1";
        assertThatThrownBy(() -> publisher.publish(jar, address, leaked)).isInstanceOf(SdkException.class)
                .hasMessageStartingWith("The token has characters no token has").satisfies(e -> assertThat(
                        e.getMessage()).doesNotContain("mbt_secret"));
        URI withPassword = URI.create("http://ann:hunter2@127.0.0.1:" + closed);
        assertThatThrownBy(() -> publisher.publish(jar, withPassword, "mbt_x"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").contains("127.0.0.1:" + closed));
        assertThat(HttpPublisher.endpoint(URI.create("https://market.example.org/mb//")))
                .isEqualTo(URI.create("https://market.example.org/mb/api/plugins"));
    }
}
