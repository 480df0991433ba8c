package org.milkbottle.repository.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The bundle's one HTTP client: reads a repository file over HTTP(S), or from a {@code file:} folder,
 * failing on anything but 200.
 */
final class Network {

    private final Duration timeout;
    /** Made at the first request: building a client initialises the TLS stack, which start-up need not pay for. */
    private volatile HttpClient http;

    Network(Duration timeout) {
        this.timeout = timeout;
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NORMAL).build();
                    http = client;
                }
            }
        }
        return client;
    }

    byte[] get(URI uri) throws IOException {
        return get(uri, timeout);
    }

    /** With a timeout of its own, e.g. shorter for background fetches. */
    byte[] get(URI uri, Duration requestTimeout) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.readAllBytes(Path.of(uri));
        }
        try {
            HttpResponse<byte[]> response = http().send(HttpRequest.newBuilder(uri).timeout(requestTimeout).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " for " + uri);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** An I/O failure in words, also when it has no message (a refused connection has none). */
    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e instanceof ConnectException ? "connection refused"
                : e instanceof HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message;
    }
}
