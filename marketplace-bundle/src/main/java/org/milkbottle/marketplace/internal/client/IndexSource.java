package org.milkbottle.marketplace.internal.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.milkbottle.marketplace.api.Marketplace;
import org.osgi.resource.Resource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import aQute.bnd.osgi.repository.XMLResourceParser;

/**
 * Loads repository indexes: fetched, signature-checked, parsed, and cached for the configured time
 * (Caffeine). The last good index of each repository is also kept on disk, so that an unreachable
 * marketplace still answers from it — saying so — while a tampered one is refused.
 */
final class IndexSource {

    static final URI LOCAL_BASE = URI.create("local:/");

    private final HttpClient http;
    private final Duration timeout;
    private final Path cacheFolder;
    private final Supplier<Marketplace> localMarketplace;
    private final Cache<String, LoadedIndex> cache;
    private final Map<String, LoadedIndex> lastGood = new ConcurrentHashMap<>();

    IndexSource(Path cacheFolder, Duration expiry, Duration timeout, Supplier<Marketplace> localMarketplace)
            throws IOException {
        this.cacheFolder = Files.createDirectories(cacheFolder);
        this.timeout = timeout;
        this.localMarketplace = localMarketplace;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.cache = Caffeine.newBuilder().expireAfterWrite(expiry.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    LoadedIndex load(Repository repository) {
        if (repository.isLocal()) {
            return fetch(repository); // in-process: the marketplace keeps its own index current
        }
        LoadedIndex cached = cache.getIfPresent(repository.name());
        if (cached != null) {
            return cached;
        }
        LoadedIndex fresh = fetch(repository);
        if (fresh.offlineNote() == null) {
            cache.put(repository.name(), fresh);
        }
        return fresh;
    }

    void forget(String name) {
        cache.invalidate(name);
        lastGood.remove(name);
    }

    private LoadedIndex fetch(Repository repository) {
        if (repository.isLocal()) {
            Marketplace marketplace = localMarketplace.get();
            if (marketplace == null) {
                throw new PluginException("The local marketplace is not running in this runtime.");
            }
            return parse(repository, marketplace.index(), LOCAL_BASE);
        }
        URI base = base(repository.url());
        byte[] xml;
        String signature;
        try {
            xml = get(base.resolve("index.xml"));
            signature = repository.isFolder() && repository.publicKey() == null ? null
                    : new String(get(base.resolve("index.xml.sig")), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return offline(repository, HttpGet.describe(e));
        }
        if (repository.publicKey() != null) {
            IndexVerifier.verify(repository.name(), xml, signature, repository.publicKey());
        } else if (!repository.isFolder()) {
            throw new PluginException("Repository '" + repository.name() + "' has no key to check its index with; "
                    + "remove it and add it again with mb:repo-add.");
        }
        LoadedIndex loaded = parse(repository, xml, base);
        try {
            Files.write(cacheFolder.resolve(repository.name() + ".xml"), xml);
        } catch (IOException e) {
            // the in-memory copy still serves; the disk copy is only for restarts without network
        }
        lastGood.put(repository.name(), loaded);
        return loaded;
    }

    private LoadedIndex offline(Repository repository, String reason) {
        LoadedIndex last = lastGood.get(repository.name());
        Path disk = cacheFolder.resolve(repository.name() + ".xml");
        if (last == null && Files.exists(disk)) {
            try {
                LoadedIndex fromDisk = parse(repository, Files.readAllBytes(disk), base(repository.url()));
                last = new LoadedIndex(repository, fromDisk.resources(), fromDisk.base(),
                        Files.getLastModifiedTime(disk).toInstant(), null);
            } catch (IOException e) {
                last = null;
            }
        }
        if (last == null) {
            throw new PluginException("Repository '" + repository.name() + "' is unreachable (" + reason + ") and "
                    + "no earlier copy of its index is kept. Check the network, or mb:repo-remove it.");
        }
        return last.offline(reason);
    }

    private byte[] get(URI uri) throws IOException {
        return HttpGet.bytes(http, uri, timeout);
    }

    static URI base(String url) {
        return URI.create(url.endsWith("/") ? url : url + "/");
    }

    private static LoadedIndex parse(Repository repository, byte[] xml, URI base) {
        try {
            List<Resource> resources = XMLResourceParser.getResources(new ByteArrayInputStream(xml), base);
            return new LoadedIndex(repository, List.copyOf(resources), base, Instant.now(), null);
        } catch (Exception e) {
            throw new PluginException("The index of repository '" + repository.name() + "' cannot be read ("
                    + e.getMessage() + ").");
        }
    }
}
