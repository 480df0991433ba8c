package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.milkbottle.api.PluginException;

/**
 * Downloads the artifacts of a plan in parallel into a folder named by SHA-256, checking each against
 * the SHA-256 its index promised; a mismatch fails the whole install before anything is installed.
 */
final class Downloads {

    /** One artifact to get: its name for messages, where from, and the hash it must have. */
    record Artifact(String name, URI url, String sha256, Opener opener) {
    }

    /** Opens an artifact's bytes (HTTP, a file, or the in-process marketplace). */
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Path folder;
    private final HttpClient http;
    private final Duration timeout;
    private final ExecutorService executor;

    Downloads(Path folder, Duration timeout, ExecutorService executor) throws IOException {
        this.folder = Files.createDirectories(folder);
        this.timeout = timeout;
        this.executor = executor;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    Opener http(URI url) {
        return () -> {
            try {
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("HTTP " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    /** Gets every artifact (name to verified file), printing progress to {@code progress}. */
    Map<String, Path> fetchAll(List<Artifact> artifacts, PrintStream progress) {
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<Path>> futures = new ArrayList<>();
        for (Artifact artifact : artifacts) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                Path file = fetch(artifact);
                int finished = done.incrementAndGet();
                progress.printf("  [%-20s] %d/%d %s%n", "#".repeat(20 * finished / artifacts.size()), finished,
                        artifacts.size(), artifact.name());
                return file;
            }, executor));
        }
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            for (int i = 0; i < artifacts.size(); i++) {
                files.put(artifacts.get(i).name(), futures.get(i).join());
            }
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof PluginException plugin ? plugin
                    : new PluginException("Download failed: " + e.getCause().getMessage(), e.getCause());
        }
        return files;
    }

    private Path fetch(Artifact artifact) {
        Path target = folder.resolve(artifact.sha256() + ".jar");
        if (Files.exists(target)) {
            return target; // named by its verified hash
        }
        Path part;
        try {
            part = Files.createTempFile(folder, ".download", ".part");
        } catch (IOException e) {
            throw new PluginException("Cannot write to " + folder + ": " + e.getMessage(), e);
        }
        try (InputStream in = new DigestInputStream(artifact.opener().open(), MessageDigest.getInstance("SHA-256"))) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            String actual = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            if (!actual.equals(artifact.sha256())) {
                throw new PluginException("The download of " + artifact.name() + " from " + artifact.url()
                        + " has SHA-256 " + actual + " but the repository index promises " + artifact.sha256()
                        + ": the artifact was changed or damaged. Nothing was installed.");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new PluginException("Download of " + artifact.name() + " from " + artifact.url() + " failed: "
                    + HttpGet.describe(e) + ". Nothing was installed.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover .part file is ignored and overwritten later
            }
        }
    }
}
