package org.milkbottle.core.internal.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginResolver;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.validation.api.Provenance;

/**
 * Fetches every source of a request into the artifact store: files, URLs and Maven coordinates
 * directly, plugin names ({@code hello}, {@code hello@[1.0,2.0)}) through the {@link PluginResolver}
 * of the configured repositories, which adds the dependencies the runtime lacks.
 */
public final class RequestFetcher {

    private final Supplier<ArtifactFetcher> fetcher;
    private final Supplier<PluginResolver> resolver;
    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    public RequestFetcher(Supplier<ArtifactFetcher> fetcher, Supplier<PluginResolver> resolver) {
        this.fetcher = fetcher;
        this.resolver = resolver;
    }

    /** Whether a source names a plugin rather than a file, URL or Maven artifact. */
    static boolean isPluginName(String source, Path workingDirectory) {
        String trimmed = source.trim();
        String name = trimmed.contains("@") ? trimmed.substring(0, trimmed.indexOf('@')) : trimmed;
        return !name.isEmpty() && name.matches("[A-Za-z0-9_.-]+") && !name.endsWith(".jar")
                && !trimmed.contains("/") && !trimmed.contains("\\") && !trimmed.startsWith("mvn:")
                && !Files.exists(workingDirectory.resolve(name));
    }

    public List<BundleArchive> fetchAll(List<String> sources, Path workingDirectory) {
        List<BundleArchive> archives = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String source : sources) {
            if (source != null && isPluginName(source, workingDirectory)) {
                names.add(source.trim());
            } else {
                archives.add(fetch(source));
            }
        }
        if (!names.isEmpty()) {
            PluginResolver current = resolver.get();
            if (current == null) {
                throw new PluginException("'" + String.join("', '", names) + "' is not a file, URL or Maven "
                        + "coordinate, and no plugin repository is available to look it up by name. Add a "
                        + "marketplace with mb:repo-add URL, or give the path of the jar.");
            }
            for (Map.Entry<String, Path> resolved : current.resolve(names).entrySet()) {
                ArtifactStore.Stored stored = fetcher.get().fetch(resolved.getValue().toString());
                // the repository client checked the download against the SHA-256 of a signed index
                archives.add(reader.read(stored.path(), stored.sha256(), resolved.getKey()).from(new Provenance(
                        Provenance.Kind.MARKETPLACE_INDEX, resolved.getKey(), "listed with this SHA-256 in the "
                        + "signed index of a configured marketplace", List.of())));
            }
        }
        return archives;
    }

    public BundleArchive fetch(String source) {
        Path workingDirectory = Path.of(System.getProperty("user.dir"));
        if (source != null && isPluginName(source, workingDirectory)) {
            String name = source.trim().split("@", 2)[0];
            List<BundleArchive> resolved = fetchAll(List.of(source), workingDirectory);
            return resolved.stream().filter(a -> name.equals(a.descriptor().symbolicName())).findFirst()
                    .orElse(resolved.get(0));
        }
        ArtifactStore.Stored stored = fetcher.get().fetch(source);
        return reader.read(stored.path(), stored.sha256(), fetcher.get().canonical(source))
                .from(fetcher.get().provenance(source, stored));
    }
}
