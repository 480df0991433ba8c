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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.milkbottle.api.PluginException;

/**
 * Finds {@code mvn:group/artifact/version[/type[/classifier]]} in the local Maven repository, else
 * downloads it from the configured remote repositories (Maven Central by default) into the local one,
 * as Maven itself would.
 */
public final class MavenResolver {

    private final Path localRepository;
    private final List<String> remoteRepositories;
    private final HttpClient http;
    private final Duration timeout;

    public MavenResolver(Path localRepository, List<String> remoteRepositories, Duration timeout) {
        this.localRepository = localRepository;
        this.remoteRepositories = List.copyOf(remoteRepositories);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
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
                HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
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
