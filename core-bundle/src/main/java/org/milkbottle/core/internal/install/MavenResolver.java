package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.milkbottle.validation.api.Provenance;

/**
 * Finds {@code mvn:group/artifact/version[/type[/classifier]]} in the local Maven repository, else
 * downloads it from the configured remote repositories (Maven Central by default) into the local one,
 * as Maven itself would.
 */
public final class MavenResolver {

    private final Path localRepository;
    private final List<String> remoteRepositories;
    private final List<String> trustedRepositories;
    /** Built at the first download: making one loads the TLS stack, which start-up need not pay for. */
    private final Supplier<HttpClient> http;
    private final Duration timeout;

    public MavenResolver(Path localRepository, List<String> remoteRepositories, List<String> trustedRepositories,
            Supplier<HttpClient> http, Duration timeout) {
        this.localRepository = localRepository;
        this.remoteRepositories = List.copyOf(remoteRepositories);
        this.trustedRepositories = trustedRepositories.stream().map(r -> r.endsWith("/") ? r : r + "/").toList();
        this.timeout = timeout;
        this.http = http;
    }

    /** Coordinates parsed from a {@code mvn:} URL. */
    record Coordinates(String group, String artifact, String version, String type, String classifier) {

        static Coordinates parse(String url) {
            String[] parts = url.substring("mvn:".length()).split("/", -1);
            if (parts.length < 3 || parts.length > 5 || anyBlank(parts)) {
                throw new PluginException("'" + url + "' is not valid Maven coordinates. Write "
                        + "mvn:group/artifact/version, e.g. mvn:org.apache.commons/commons-lang3/3.14.0.");
            }
            for (String part : parts) {
                if (!part.matches("[A-Za-z0-9_.\\-]+") || part.equals("..") || part.equals(".")) {
                    throw new PluginException("'" + url + "' contains an invalid character in '" + part
                            + "'. Maven coordinates use letters, digits, '.', '-' and '_'.");
                }
            }
            if (parts[2].equalsIgnoreCase("LATEST") || parts[2].equalsIgnoreCase("RELEASE")) {
                throw new PluginException("'" + url + "': give an exact version; LATEST and RELEASE are not supported.");
            }
            return new Coordinates(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : "jar",
                    parts.length > 4 ? parts[4] : null);
        }

        private static boolean anyBlank(String[] parts) {
            for (String part : parts) {
                if (part.isBlank()) {
                    return true;
                }
            }
            return false;
        }

        String relativePath() {
            String file = artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
            return group.replace('.', '/') + "/" + artifact + "/" + version + "/" + file;
        }
    }

    /**
     * Where the artifact's content stands with the trusted repositories: its checksum as published by a
     * trusted repository (SHA-256 where the repository has one, else SHA-1) must match the file. A match
     * makes it {@link Provenance.Kind#TRUSTED_MAVEN}; no trusted repository answering (offline) leaves it
     * untrusted, saying why; a mismatch is refused outright, because the file is not what the repository
     * published.
     */
    public Provenance verify(String url, Path file) {
        Coordinates coordinates = Coordinates.parse(url);
        List<String> unanswered = new ArrayList<>();
        for (String repository : trustedRepositories) {
            for (String algorithm : List.of("SHA-256", "SHA-1")) {
                String extension = algorithm.equals("SHA-256") ? ".sha256" : ".sha1";
                String published = published(URI.create(repository + coordinates.relativePath() + extension));
                if (published == null) {
                    continue;
                }
                String actual = digest(file, algorithm);
                if (!published.equalsIgnoreCase(actual)) {
                    throw new PluginException(url + " does not match the " + algorithm + " that " + repository
                            + " publishes for it (" + published + ", the file has " + actual + "). The copy in "
                            + file + " was changed or is corrupt: delete it and install again.");
                }
                return new Provenance(Provenance.Kind.TRUSTED_MAVEN, url, algorithm + " matches the checksum "
                        + "published by the trusted Maven repository " + repository, List.of());
            }
            unanswered.add(repository);
        }
        return new Provenance(Provenance.Kind.FILE, url, trustedRepositories.isEmpty()
                ? "no Maven repository is configured as trusted (trustedMavenRepositories)"
                : "its checksum could not be checked against a trusted Maven repository (" + String.join(", ",
                        unanswered) + " did not answer: offline?)", List.of());
    }

    /** The first word of a checksum file, or null when the repository has none or cannot be reached. */
    private String published(URI uri) {
        try {
            HttpResponse<String> response = http.get().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body() == null ? "" : response.body().trim();
            return response.statusCode() == 200 && !body.isEmpty() ? body.split("\\s+")[0] : null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("Checking " + uri + " was interrupted.", e);
        }
    }

    private static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new PluginException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    /** The local file of {@code url}, downloading it when it is not in the local repository yet. */
    public Path resolve(String url) {
        Coordinates coordinates = Coordinates.parse(url);
        Path local = localRepository.resolve(coordinates.relativePath());
        if (Files.isRegularFile(local)) {
            return local;
        }
        List<String> failures = new ArrayList<>();
        for (String remote : remoteRepositories) {
            String base = remote.endsWith("/") ? remote : remote + "/";
            URI uri = URI.create(base + coordinates.relativePath());
            try {
                HttpResponse<InputStream> response = http.get().send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = new StallGuard(response.body(), timeout, base)) {
                    if (response.statusCode() == 200) {
                        Files.createDirectories(local.getParent());
                        Path temp = Files.createTempFile(local.getParent(), local.getFileName().toString(), ".part");
                        try {
                            Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
                            Files.move(temp, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        } finally {
                            Files.deleteIfExists(temp);
                        }
                        return local;
                    }
                    failures.add(base + " answered HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                failures.add(base + ": " + ArtifactFetcher.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException("Resolving " + url + " was interrupted.", e);
            }
        }
        throw new PluginException(url + " is not in the local Maven repository (" + localRepository
                + ") and could not be downloaded (" + String.join("; ", failures) + "). Check the coordinates, "
                + "or run 'mvn dependency:get -Dartifact=" + coordinates.group() + ":" + coordinates.artifact() + ":"
                + coordinates.version() + "' first.");
    }
}
