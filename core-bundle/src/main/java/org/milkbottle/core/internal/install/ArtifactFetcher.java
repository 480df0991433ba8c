package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.PluginManagerConfig;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.core.internal.store.ArtifactSink;
import org.milkbottle.core.internal.store.ArtifactStore;

/**
 * Brings a bundle named by the user into the {@link ArtifactStore}: a local path, a {@code file:},
 * {@code http:} or {@code https:} URL, or {@code mvn:} coordinates.
 */
public final class ArtifactFetcher {

    private final ArtifactStore store;
    private final MavenResolver maven;
    private final Path workingDirectory;
    private final long maxBytes;
    private final Duration timeout;
    /** Built at the first download: making one loads the TLS stack, which start-up need not pay for. */
    private final Supplier<HttpClient> http;

    public ArtifactFetcher(ArtifactStore store, MavenResolver maven, Path workingDirectory, long maxBytes,
            Supplier<HttpClient> http, Duration timeout) {
        this.store = store;
        this.maven = maven;
        this.workingDirectory = workingDirectory;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.http = http;
    }

    /** A fetcher as the plugin manager's configuration says: Maven repositories, time-outs, size limit. */
    public static ArtifactFetcher configured(ArtifactStore store, PluginManagerConfig config) {
        Duration timeout = Duration.ofSeconds(Math.max(1, config.downloadTimeoutSeconds()));
        String local = !config.mavenLocalRepository().isBlank() ? config.mavenLocalRepository()
                : System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        // one HTTP client for every download of this bundle (connection pool, redirects, time-outs alike)
        Supplier<HttpClient> http = HttpClients.lazy(timeout);
        MavenResolver maven = new MavenResolver(Path.of(local), List.of(config.mavenRepositories()),
                List.of(config.trustedMavenRepositories()), http, timeout);
        return new ArtifactFetcher(store, maven, Path.of(System.getProperty("user.dir")), config.maxArtifactBytes(),
                http, timeout);
    }

    /**
     * The source as it should be remembered: local paths made absolute, so that {@code mb:update} finds
     * the file again whatever the working directory; other sources unchanged.
     */
    public String canonical(String source) {
        String trimmed = source == null ? "" : source.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("mvn:") || trimmed.startsWith("http://")
                || trimmed.startsWith("https://") || trimmed.startsWith("file:")
                || trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return trimmed;
        }
        try {
            return workingDirectory.resolve(trimmed).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return trimmed;
        }
    }

    /**
     * Where stored content fetched from {@code source} came from, and what was checked: {@code mvn:}
     * artifacts are checked against the trusted Maven repositories; files and URLs vouch for nothing.
     */
    public Provenance provenance(String source, ArtifactStore.Stored stored) {
        String trimmed = source == null ? "" : source.trim();
        if (trimmed.startsWith("mvn:")) {
            return maven.verify(trimmed, stored.path());
        }
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return new Provenance(Provenance.Kind.URL, trimmed, "downloaded from a URL: its source vouches for "
                    + "nothing", List.of());
        }
        return Provenance.file(canonical(trimmed));
    }

    /** Fetches {@code source} into the store. */
    public ArtifactStore.Stored fetch(String source) {
        return fetch(source, store);
    }

    /** Fetches {@code source} into {@code sink}: a request's staging, or the store. */
    public ArtifactStore.Stored fetch(String source, ArtifactSink sink) {
        String trimmed = source == null ? "" : source.trim();
        if (trimmed.isEmpty()) {
            throw new PluginException("No source given. Name a jar file, an http(s) URL or mvn:group/artifact/version.");
        }
        if (trimmed.startsWith("mvn:")) {
            return fromFile(maven.resolve(trimmed), trimmed, sink);
        }
        if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
            return fromUrl(trimmed, sink);
        }
        if (trimmed.startsWith("file:")) {
            try {
                return fromFile(Path.of(URI.create(trimmed)), trimmed, sink);
            } catch (IllegalArgumentException e) {
                throw new PluginException("'" + trimmed + "' is not a valid file URL (" + e.getMessage() + ").");
            }
        }
        if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !trimmed.matches("^[a-zA-Z]:[\\\\/].*")) {
            throw new PluginException("'" + trimmed + "' uses a scheme MilkBottle cannot fetch. Use a jar file path, "
                    + "an http(s) URL, or mvn:group/artifact/version.");
        }
        try {
            return fromFile(workingDirectory.resolve(trimmed), trimmed, sink);
        } catch (InvalidPathException e) {
            throw new PluginException("'" + trimmed + "' is not a valid file path (" + e.getMessage() + ").");
        }
    }

    private ArtifactStore.Stored fromFile(Path file, String source, ArtifactSink sink) {
        if (Files.isDirectory(file)) {
            throw new PluginException(source + " is a directory; give the path of a bundle jar.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return sink.put(in, maxBytes);
        } catch (NoSuchFileException e) {
            throw new PluginException("File not found: " + file.toAbsolutePath().normalize()
                    + ". Check the path (relative paths start from " + workingDirectory + ").");
        } catch (IOException e) {
            throw new PluginException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private ArtifactStore.Stored fromUrl(String url, ArtifactSink sink) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        } catch (IllegalArgumentException e) {
            throw new PluginException("'" + url + "' is not a valid URL (" + e.getMessage() + ").");
        }
        try {
            HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = new StallGuard(response.body(), timeout, "the server")) {
                if (response.statusCode() != 200) {
                    throw new PluginException("Download of " + url + " failed: the server answered HTTP "
                            + response.statusCode() + ". Check the URL.");
                }
                return sink.put(body, maxBytes); // a partial file is removed by the sink
            }
        } catch (IOException e) {
            throw new PluginException("Download of " + url + " failed: " + describe(e)
                    + ". Check the URL and your network, or download the jar and install the file.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("Download of " + url + " was interrupted.", e);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof ConnectException) {
            // the JDK's HTTP client throws it without a message when nothing listens on the port
            return "could not connect (" + (message == null ? "connection refused" : message) + ")";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
