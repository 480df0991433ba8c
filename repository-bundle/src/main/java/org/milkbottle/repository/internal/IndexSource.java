package org.milkbottle.repository.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.perf.api.PluginCache;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceParser;

/**
 * Loads repository indexes: fetched, signature-checked, parsed, and cached for the configured time
 * (this bundle's cache from the perf bundle). The last good index of each repository is also kept on disk, so that an unreachable
 * marketplace still answers from it — saying so — while a tampered one is refused.
 */
final class IndexSource {

    private final Network network;
    private final Path cacheFolder;
    private final Supplier<String> runtimeVersion;
    /**
     * Fresh indexes by repository name (this bundle's cache from the perf bundle); {@code null}: no caching (an
     * expiry of 0, or the perf bundle is not there, e.g. during start-up).
     */
    private volatile PluginCache<String, LoadedIndex> cache;
    private final Map<String, LoadedIndex> lastGood = new ConcurrentHashMap<>();

    /**
     * @param cache where fresh indexes are kept while they are young enough, or {@code null} to fetch every time
     *        (an expiry of 0)
     */
    IndexSource(Network network, Path cacheFolder, PluginCache<String, LoadedIndex> cache,
            Supplier<String> runtimeVersion) throws IOException {
        this.network = network;
        this.cacheFolder = Files.createDirectories(cacheFolder);
        this.runtimeVersion = runtimeVersion;
        this.cache = cache;
    }

    /**
     * The repository's index: the cached one while it is fresh, else fetched again; when that fails, the
     * last good copy with a note saying so.
     *
     * @throws RepositoryException for a bad signature, an unreadable index, or an unreachable repository
     *         with no earlier copy
     */
    LoadedIndex load(ConfiguredRepository repository) {
        PluginCache<String, LoadedIndex> current = cache;
        LoadedIndex cached = current == null ? null : current.getIfPresent(repository.name()).orElse(null);
        if (cached != null) {
            return cached;
        }
        LoadedIndex fresh = fetch(repository);
        if (fresh.offlineNote() == null && current != null) {
            current.put(repository.name(), fresh);
        }
        return fresh;
    }

    /** Caches fresh indexes in {@code cache} from now on ({@code null}: fetches every time). */
    void useCache(PluginCache<String, LoadedIndex> cache) {
        this.cache = cache;
    }

    void forget(String name) {
        PluginCache<String, LoadedIndex> current = cache;
        if (current != null) {
            current.invalidate(name);
        }
        lastGood.remove(name);
    }

    private LoadedIndex fetch(ConfiguredRepository repository) {
        URI base = repository.base();
        byte[] xml;
        String signature;
        try {
            xml = network.get(base.resolve("index.xml"));
        } catch (IOException e) {
            return offline(repository, Network.describe(e));
        }
        try {
            signature = repository.isFolder() && repository.publicKey() == null ? null
                    : new String(network.get(base.resolve("index.xml.sig")), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            // a folder whose index is there but not its signature: nothing the network can fix
            throw new RepositoryException("Repository '" + repository.name() + "' has an index but no signature ("
                    + e.getFile() + ") for its pinned key. Sign the index (index.xml.sig next to it), or add the "
                    + "folder again without a key file if you trust it as it is.");
        } catch (IOException e) {
            return offline(repository, Network.describe(e));
        }
        if (repository.publicKey() != null) {
            IndexVerifier.verify(repository.name(), xml, signature, repository.publicKey());
        } else if (!repository.isFolder()) {
            throw new RepositoryException("Repository '" + repository.name() + "' has no key to check its index "
                    + "with; remove it and add it again with mb:repo-add.");
        }
        LoadedIndex loaded = parse(repository, xml, Instant.now());
        try {
            Files.write(copy(repository.name()), xml);
        } catch (IOException e) {
            // the in-memory copy still serves; the disk copy is only for restarts without network
        }
        lastGood.put(repository.name(), loaded);
        return loaded;
    }

    private LoadedIndex offline(ConfiguredRepository repository, String reason) {
        LoadedIndex last = lastGood.get(repository.name());
        Path disk = copy(repository.name());
        if (last == null && Files.exists(disk)) {
            // only verified content is ever written there
            try {
                last = parse(repository, Files.readAllBytes(disk), Files.getLastModifiedTime(disk).toInstant());
                lastGood.put(repository.name(), last); // read once, not at every question while offline
            } catch (IOException | RepositoryException e) {
                last = null;
            }
        }
        if (last == null) {
            throw new RepositoryException("Repository '" + repository.name() + "' is unreachable (" + reason
                    + ") and no earlier copy of its index is kept. " + (repository.isFolder()
                            ? "Check that the folder exists and holds an index.xml" : "Check the network")
                    + ", or mb:repo-remove it.");
        }
        return last.offline(reason);
    }

    private Path copy(String name) {
        return cacheFolder.resolve(name + ".xml");
    }

    private LoadedIndex parse(ConfiguredRepository repository, byte[] xml, Instant fetched) {
        URI base = repository.base();
        List<Resource> parsed;
        try {
            parsed = XMLResourceParser.getResources(new ByteArrayInputStream(xml), base);
        } catch (Exception e) {
            throw new RepositoryException("The index of repository '" + repository.name() + "' cannot be read ("
                    + e.getMessage() + ").");
        }
        String runtime = runtimeVersion.get();
        List<Resource> resources = parsed.stream().map(r -> ContentUrls.forRuntime(r, base, runtime)).toList();
        return new LoadedIndex(repository, resources, fetched, null);
    }
}
