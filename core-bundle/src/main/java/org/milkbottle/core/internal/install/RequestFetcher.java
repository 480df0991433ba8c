package org.milkbottle.core.internal.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.core.internal.store.ArtifactSink;
import org.milkbottle.core.internal.store.ArtifactStore;

/**
 * Sorts the sources of a request: files, URLs and Maven coordinates are fetched into the artifact store
 * at once; plugin names ({@code hello}, {@code hello@[1.0,2.0)}) are left for the plan, which looks them
 * up in the repositories together with their dependencies.
 */
public final class RequestFetcher {

    /** The archives fetched from files, URLs and Maven, and the plugin names still to look up. */
    public record Sources(List<BundleArchive> archives, List<String> names) {
    }

    private final Supplier<ArtifactFetcher> fetcher;
    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    public RequestFetcher(Supplier<ArtifactFetcher> fetcher) {
        this.fetcher = fetcher;
    }

    /** Whether a source names a plugin rather than a file, URL or Maven artifact. */
    public static boolean isPluginName(String source, Path workingDirectory) {
        String trimmed = source.trim();
        String name = trimmed.contains("@") ? trimmed.substring(0, trimmed.indexOf('@')) : trimmed;
        return !name.isEmpty() && name.matches("[A-Za-z0-9_.-]+") && !name.endsWith(".jar")
                && !trimmed.contains("/") && !trimmed.contains("\\") && !trimmed.startsWith("mvn:")
                && !Files.exists(workingDirectory.resolve(name));
    }

    /** Fetches the jars {@code sources} name into {@code staging} (the request's); plugin names are only listed. */
    public Sources fetchAll(List<String> sources, Path workingDirectory, ArtifactSink staging) {
        List<BundleArchive> archives = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String source : sources) {
            if (source != null && isPluginName(source, workingDirectory)) {
                names.add(source.trim());
            } else {
                archives.add(fetch(source, staging));
            }
        }
        return new Sources(archives, names);
    }

    private BundleArchive fetch(String source, ArtifactSink staging) {
        ArtifactStore.Stored stored = fetcher.get().fetch(source, staging);
        return reader.read(stored.path(), stored.sha256(), fetcher.get().canonical(source))
                .from(fetcher.get().provenance(source, stored));
    }
}
