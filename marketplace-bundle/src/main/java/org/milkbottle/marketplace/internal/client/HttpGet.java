package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads a repository file — over HTTP(S), or from a {@code file:} folder — failing on anything but 200. */
final class HttpGet {

    private HttpGet() {
    }

    /** An I/O failure in words, also when it has no message (a refused connection has none). */
    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.http.HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message;
    }

    static byte[] bytes(HttpClient http, URI uri, Duration timeout) throws IOException {
        if ("file".equals(uri.getScheme())) {
            return Files.readAllBytes(Path.of(uri));
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
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
}
