package org.milkbottle.repository.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.milkbottle.repository.api.PluginCatalog;
import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.repository.api.RepositoryInfo;
import org.milkbottle.repository.api.RepositoryProperties;
import org.milkbottle.repository.api.RepositoryRegistry;
import org.milkbottle.repository.api.SearchRequest;
import org.milkbottle.repository.api.SearchResult;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.repository.Repository;

import aQute.bnd.osgi.resource.ResourceUtils;

/**
 * The repositories this runtime installs from. Each configured one ({@code repositories.json}) is registered
 * as a {@link Repository} service ({@link RepositoryServices}) answering from its verified, cached index;
 * those registered by other bundles here (the embedded marketplace) are listed beside them. It also pushes
 * the configured marketplaces' advisories into the validator's {@link AdvisoryRegistry}
 * ({@link RepositoryAdvisories}) — the validator never asks for them. Immediate, so that the repositories
 * and their advisories are there from the start; nothing here touches the network while activating.
 */
@Component(service = RepositoryRegistry.class, configurationPid = RepositoryClientConfig.PID, immediate = true)
@Designate(ocd = RepositoryClientConfig.class)
public class RepositoryRegistryImpl implements RepositoryRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,50}");
    /** The name the embedded marketplace's repository has; never a configured one's, even while it is absent. */
    static final String LOCAL = "local";
    private static final int MAX_SEARCH_TEXT = 200;
    /** More repositories than anyone configures: the cache is bounded by age, not by this. */
    private static final int MAX_CACHED_INDEXES = 256;

    private final Network network;
    private final RepositoryList configured;
    private final IndexSource indexes;
    private final Duration indexExpiry;
    private final RepositoryAdvisories advisories;
    private final RepositoryServices services;
    private final SearchFanOut search;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<PluginCatalog> catalogs;

    /** Repositories registered by bundles of this runtime (this bundle's own are told apart by their class). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + RepositoryProperties.NAME + "=*)")
    private volatile List<Map.Entry<Map<String, Object>, Repository>> repositories;

    @Activate
    public RepositoryRegistryImpl(BundleContext context, RepositoryClientConfig config,
            @Reference AdvisoryRegistry advisoryRegistry) throws IOException {
        Path folder = dataFolder(context);
        Duration expiry = Duration.ofSeconds(config.indexExpirySeconds());
        RuntimeVersion runtime = new RuntimeVersion(context);
        this.network = new Network(Duration.ofSeconds(config.timeoutSeconds()));
        this.configured = new RepositoryList(folder);
        this.indexExpiry = expiry;
        this.indexes = new IndexSource(network, folder.resolve("index-cache"), null, runtime);
        this.advisories = new RepositoryAdvisories(advisoryRegistry, network, folder.resolve("index-cache"), expiry,
                Duration.ofSeconds(Math.min(config.timeoutSeconds(), 10)));
        this.services = new RepositoryServices(context, indexes, advisories::refresh);
        this.search = new SearchFanOut(network, runtime);
        configured.all().forEach(services::register);
        advisories.start(configured::all);
    }

    /** This bundle's caches (the perf bundle): fresh indexes are kept there for the configured time. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCaches(CacheManager caches) {
        if (!indexExpiry.isZero()) {
            indexes.useCache(caches.cache("repository-indexes",
                    CacheSpec.ofSize(MAX_CACHED_INDEXES).expireAfterWrite(indexExpiry)));
        }
    }

    void unbindCaches(CacheManager caches) {
        indexes.useCache(null);
    }

    @Deactivate
    void deactivate() {
        services.close();
        advisories.close();
    }

    /** {@code repositories} in MilkBottle's data folder (shared with earlier releases), else this bundle's own area. */
    static Path dataFolder(BundleContext context) {
        String data = context.getProperty("milkbottle.data");
        return data == null || data.isBlank() ? context.getDataFile("repositories").toPath()
                : Path.of(data).resolve("repositories");
    }

    @Override
    public List<RepositoryInfo> list() {
        List<RepositoryInfo> all = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, Repository> entry : inRuntime()) {
            all.add(describe(entry.getKey(), entry.getValue()));
        }
        for (ConfiguredRepository repository : configured.all()) {
            all.add(describe(repository));
        }
        return all;
    }

    private static RepositoryInfo describe(Map<String, Object> properties, Repository repository) {
        int resources;
        String problem = null;
        try {
            resources = ResourceUtils.getAllResources(repository).size();
        } catch (RuntimeException e) {
            resources = -1;
            problem = e.getMessage();
        }
        Object url = properties.get(Repository.URL);
        Object description = properties.get(Constants.SERVICE_DESCRIPTION);
        Object note = properties.get(RepositoryProperties.NOTE);
        return new RepositoryInfo(String.valueOf(properties.get(RepositoryProperties.NAME)),
                url == null ? null : url.toString(), description == null ? null : description.toString(), resources,
                null, false, note == null ? null : note.toString(), problem);
    }

    private RepositoryInfo describe(ConfiguredRepository repository) {
        String fingerprint = repository.publicKey() == null ? null : IndexVerifier.fingerprint(repository.publicKey());
        try {
            LoadedIndex index = service(repository).index();
            return new RepositoryInfo(repository.name(), repository.url(), null, index.resources().size(), fingerprint,
                    false, index.offlineNote(), null);
        } catch (RepositoryException e) {
            return new RepositoryInfo(repository.name(), repository.url(), null, -1, fingerprint, false, null,
                    e.getMessage());
        }
    }

    @Override
    public RepositoryInfo add(String name, String url, String keyFile) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(LOCAL) || inRuntime(name).isPresent()) {
            throw new RepositoryException("A repository name is 1 to 50 letters, digits or . _ - (and not '" + LOCAL
                    + "' or another name this runtime's own repositories use).");
        }
        URI base;
        try {
            base = ConfiguredRepository.base(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RepositoryException("'" + url + "' is not a URL.");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme();
        if (!List.of("http", "https", "file").contains(scheme)) {
            throw new RepositoryException("A repository URL starts with http://, https:// (a marketplace's "
                    + "/repository/) or file: (a folder with an index.xml).");
        }
        String key = null;
        boolean keyFetched = false;
        if (keyFile != null) {
            key = readKey(keyFile);
        } else if (!scheme.equals("file")) {
            key = fetchKey(base);
            keyFetched = true;
        }
        ConfiguredRepository repository = new ConfiguredRepository(name, base.toString(), key);
        indexes.forget(name);
        LoadedIndex index = indexes.load(repository); // refuses a bad signature before anything is saved
        if (index.offlineNote() != null) {
            throw new RepositoryException("Repository " + base + " cannot be reached: " + index.offlineNote());
        }
        try {
            configured.add(repository);
        } catch (IOException e) {
            throw new RepositoryException("Cannot save the repository list (" + e.getMessage() + "); nothing was "
                    + "added.", e);
        }
        services.register(repository);
        advisories.withdraw(name); // a repository of that name added before is replaced, not merged
        advisories.refresh(repository);
        return new RepositoryInfo(name, repository.url(), null, index.resources().size(),
                key == null ? null : IndexVerifier.fingerprint(key), keyFetched, null, null);
    }

    private static String readKey(String keyFile) {
        Path file = Path.of(keyFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new RepositoryException("Key file not found: " + file);
        }
        String key;
        try {
            key = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new RepositoryException("Cannot read the key file " + file + " (" + e.getMessage() + ").", e);
        }
        IndexVerifier.key(key); // refuses what is not a key
        return key;
    }

    private String fetchKey(URI base) {
        URI key = base.resolve("key.pem");
        try {
            String pem = new String(network.get(key), StandardCharsets.US_ASCII);
            IndexVerifier.key(pem);
            return pem;
        } catch (IOException e) {
            throw new RepositoryException("Cannot get the key from " + key + " (" + Network.describe(e) + "). Check "
                    + "the URL (a marketplace's /repository/) and that it is running.", e);
        }
    }

    @Override
    public void remove(String name) {
        if (inRuntime(name).isPresent()) {
            throw new RepositoryException("Repository '" + name + "' is this runtime's own (its embedded marketplace"
                    + " or another of its bundles) and cannot be removed; it goes only when that bundle is left out of"
                    + " the runtime.");
        }
        boolean removed;
        try {
            removed = configured.remove(name);
        } catch (IOException e) {
            throw new RepositoryException("Cannot save the repository list (" + e.getMessage() + "); nothing was "
                    + "removed.", e);
        }
        if (!removed) {
            throw new RepositoryException("No repository is named '" + name + "'; mb:repo-list shows them.");
        }
        services.unregister(name);
        indexes.forget(name);
        advisories.withdraw(name);
    }

    @Override
    public SearchResult search(SearchRequest request) {
        if (request.text() != null && request.text().length() > MAX_SEARCH_TEXT) {
            throw new RepositoryException("The search text is longer than " + MAX_SEARCH_TEXT + " characters.");
        }
        List<PluginCatalog> inRuntime = catalogs == null ? List.of() : List.copyOf(catalogs);
        List<IndexedRepository> searched = configured.all().stream().map(this::service).toList();
        return search.search(request, inRuntime, searched);
    }

    /** The service of a configured repository: registered on activation and on add, so always there. */
    private IndexedRepository service(ConfiguredRepository repository) {
        return services.find(repository.name()).orElseThrow(() -> new IllegalStateException("repository '"
                + repository.name() + "' is configured but not registered"));
    }

    /** Repositories registered by other bundles of this runtime, by name. */
    private List<Map.Entry<Map<String, Object>, Repository>> inRuntime() {
        List<Map.Entry<Map<String, Object>, Repository>> current = repositories;
        return current == null ? List.of() : current.stream().filter(e -> !(e.getValue() instanceof IndexedRepository))
                .sorted(Comparator.comparing(e -> String.valueOf(e.getKey().get(RepositoryProperties.NAME)))).toList();
    }

    private Optional<Map.Entry<Map<String, Object>, Repository>> inRuntime(String name) {
        return inRuntime().stream().filter(e -> name.equals(e.getKey().get(RepositoryProperties.NAME))).findFirst();
    }
}
