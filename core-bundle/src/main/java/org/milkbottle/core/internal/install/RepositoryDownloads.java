package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.store.ArtifactSink;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.core.internal.store.FileDigest;
import org.milkbottle.validation.api.Provenance;
import org.osgi.resource.Resource;

/**
 * Brings the repository resources a plan needs into the request's staging — each jar written once, straight
 * from its repository, in parallel — and checks each against the SHA-256 its repository's index lists.
 * A jar already in the store (same SHA-256, checked again) is not downloaded at all.
 */
public final class RepositoryDownloads {

    private final Supplier<ArtifactFetcher> fetcher;
    private final ArtifactStore store;
    private final Executor executor;
    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    public RepositoryDownloads(Supplier<ArtifactFetcher> fetcher, ArtifactStore store, Executor executor) {
        this.fetcher = fetcher;
        this.store = store;
        this.executor = executor;
    }

    /**
     * Fetches every resource into {@code staging} (the request's) and reads its manifest; the first failure fails
     * the whole request.
     */
    public List<BundleArchive> fetchAll(List<Resource> resources, PluginRepositories.Session repositories,
            ArtifactSink staging) {
        List<CompletableFuture<BundleArchive>> downloads = new ArrayList<>();
        for (Resource resource : resources) {
            PluginRepositories.Origin origin = repositories.origin(resource);
            String name = PluginRepositories.identity(resource);
            downloads.add(CompletableFuture.supplyAsync(() -> fetch(name, origin, staging), executor));
        }
        List<BundleArchive> archives = new ArrayList<>();
        for (CompletableFuture<BundleArchive> download : downloads) {
            try {
                archives.add(download.join());
            } catch (CompletionException e) {
                downloads.forEach(d -> d.cancel(true));
                throw e.getCause() instanceof PluginException p ? p
                        : new PluginException("Download failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return archives;
    }

    private BundleArchive fetch(String name, PluginRepositories.Origin origin, ArtifactSink staging) {
        Path path = store.find(origin.sha256())
                .filter(p -> FileDigest.sha256(p).filter(origin.sha256()::equals).isPresent()).orElse(null);
        if (path == null) {
            ArtifactStore.Stored stored;
            try {
                stored = fetcher.get().fetch(origin.url(), staging);
            } catch (PluginException e) {
                throw new PluginException("Cannot download " + name + " from repository '" + origin.repository()
                        + "': " + e.getMessage(), e);
            }
            if (!stored.sha256().equals(origin.sha256())) {
                throw new PluginException("The download of " + name + " from repository '" + origin.repository()
                        + "' does not match the SHA-256 its index lists (got " + stored.sha256() + ", expected "
                        + origin.sha256() + "): it was changed or damaged after it was indexed. Nothing was installed; "
                        + "tell the repository's owner.");
            }
            path = stored.path();
        }
        return reader.read(path, origin.sha256(), name).from(new Provenance(Provenance.Kind.MARKETPLACE_INDEX, name,
                "listed with this SHA-256 in the index of repository '" + origin.repository() + "'", List.of()));
    }
}
