package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginResolver;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

/**
 * Installs by name: finds the plugin in the repositories' indexes, lets the OSGi resolver (Felix)
 * choose everything it needs that the runtime lacks, and downloads and verifies those jars. The
 * install pipeline then installs them as one transaction. It also pushes the repositories' advisories
 * into the validator's {@link AdvisoryRegistry} ({@link RepositoryAdvisories}); the validator never
 * asks the client for them, since the client's local marketplace needs the validator. Immediate, so
 * that they are pushed from the start even before anything installs by name.
 */
@Component(service = {PluginResolver.class, RepositoryResolver.class}, configurationPid = RepositoryClientConfig.PID,
        immediate = true)
@Designate(ocd = RepositoryClientConfig.class)
public class RepositoryResolver implements PluginResolver {

    private final BundleContext context;
    private final Resolver resolver;
    private final RepositoryList repositories;
    private final IndexSource indexes;
    private final Downloads downloads;
    private final ExecutorService executor;
    private final RepositoryAdvisories advisories;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Marketplace localMarketplace;

    @Activate
    public RepositoryResolver(BundleContext context, RepositoryClientConfig config, @Reference Resolver resolver,
            @Reference AdvisoryRegistry registry) throws IOException {
        this.context = context;
        this.resolver = resolver;
        Path folder = dataFolder(context);
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        this.repositories = new RepositoryList(folder);
        this.indexes = new IndexSource(folder.resolve("index-cache"), Duration.ofSeconds(config.indexExpirySeconds()),
                timeout, () -> localMarketplace);
        this.executor = Executors.newFixedThreadPool(config.parallelDownloads(), r -> {
            Thread thread = new Thread(r, "milkbottle-download");
            thread.setDaemon(true);
            return thread;
        });
        this.downloads = new Downloads(folder.resolve("downloads"), timeout, executor);
        this.advisories = new RepositoryAdvisories(registry, folder.resolve("index-cache"),
                Duration.ofSeconds(config.indexExpirySeconds()), Duration.ofSeconds(Math.min(config.timeoutSeconds(), 10)));
        advisories.start(repositories::all);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        advisories.close();
    }

    static Path dataFolder(BundleContext context) {
        String data = context.getProperty("milkbottle.data");
        return data == null || data.isBlank() ? context.getDataFile("repositories").toPath()
                : Path.of(data).resolve("repositories");
    }

    /** The repositories in use: the local marketplace (when it runs here) first, then the configured ones. */
    public List<Repository> repositories() {
        List<Repository> all = new ArrayList<>();
        if (localMarketplace != null) {
            all.add(new Repository(Repository.LOCAL, null, null));
        }
        all.addAll(repositories.all());
        return all;
    }

    RepositoryList list() {
        return repositories;
    }

    IndexSource indexes() {
        return indexes;
    }

    Marketplace localMarketplace() {
        return localMarketplace;
    }

    RepositoryAdvisories advisories() {
        return advisories;
    }

    /** Every repository's index, and notes about the ones answered from an older copy. */
    List<LoadedIndex> loadAll(List<String> notes) {
        List<LoadedIndex> loaded = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Repository repository : repositories()) {
            try {
                LoadedIndex index = indexes.load(repository);
                if (index.offlineNote() != null) {
                    notes.add(index.offlineNote());
                } else {
                    advisories.refresh(repository); // unreachable: its last advisories stay, not fetched in vain
                }
                loaded.add(index);
            } catch (PluginException e) {
                failures.add(e.getMessage());
            }
        }
        if (loaded.isEmpty()) {
            throw new PluginException(failures.isEmpty() ? "No plugin repository is configured. Add one with "
                    + "mb:repo-add NAME URL." : String.join(" ", failures));
        }
        notes.addAll(failures);
        return loaded;
    }

    @Override
    public Map<String, Path> resolve(List<String> names) {
        List<String> notes = new ArrayList<>();
        List<LoadedIndex> loaded = loadAll(notes);
        notes.forEach(n -> System.out.println("Note: " + n));
        Map<Resource, LoadedIndex> origin = new LinkedHashMap<>();
        loaded.forEach(index -> index.resources().forEach(r -> origin.putIfAbsent(r, index)));
        List<Resource> available = List.copyOf(origin.keySet());

        List<Resource> wanted = new ArrayList<>();
        for (String name : names) {
            wanted.add(pick(name, available));
        }
        PlanContext plan = new PlanContext(context.getBundles(), available, wanted);
        Map<Resource, ?> result;
        long start = System.nanoTime();
        try {
            result = resolver.resolve(plan);
            System.out.printf("Resolved against %d installed bundles and %d repository resources in %d ms%n",
                    context.getBundles().length, available.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (ResolutionException e) {
            throw new PluginException("Cannot install " + String.join(", ", names) + ": " + explain(e));
        }
        List<Downloads.Artifact> artifacts = new ArrayList<>();
        for (Resource resource : result.keySet()) {
            LoadedIndex index = origin.get(resource);
            if (index == null) {
                continue; // installed already
            }
            artifacts.add(artifact(resource, index));
        }
        System.out.println("Downloading " + artifacts.size() + " bundle(s): " + artifacts.stream()
                .map(Downloads.Artifact::name).collect(Collectors.joining(", ")));
        return downloads.fetchAll(artifacts, System.out);
    }

    @Override
    public Map<String, String> newerVersions(Map<String, String> installed) {
        List<String> notes = new ArrayList<>();
        List<LoadedIndex> loaded = loadAll(notes);
        notes.forEach(n -> System.out.println("Note: " + n));
        Version runtime = Version.parseVersion(runtimeVersion());
        Map<String, String> newer = new LinkedHashMap<>();
        installed.forEach((name, version) -> {
            Version current = Version.parseVersion(version);
            loaded.stream().flatMap(index -> index.resources().stream())
                    .filter(r -> name.equals(Resources.identity(r)) && Resources.version(r).compareTo(current) > 0
                            && fitsRuntime(r, runtime))
                    .map(Resources::version).max(Version::compareTo)
                    .ifPresent(best -> newer.put(name, best.toString()));
        });
        return newer;
    }

    /** Whether the resource's requirement on the MilkBottle runtime (if any) accepts this runtime version. */
    static boolean fitsRuntime(Resource resource, Version runtime) {
        for (Requirement requirement : resource.getRequirements("milkbottle.runtime")) {
            if (!org.milkbottle.marketplace.internal.RuntimeRequirement.accepts(
                    requirement.getDirectives().get("filter"), runtime)) {
                return false;
            }
        }
        return true;
    }

    private Downloads.Artifact artifact(Resource resource, LoadedIndex index) {
        String name = Resources.identity(resource);
        String sha = Resources.sha256(resource);
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            throw new PluginException(name + " has no SHA-256 in the index of repository '"
                    + index.repository().name() + "', so its download cannot be verified; it is not installed.");
        }
        if (index.repository().isLocal()) {
            Marketplace marketplace = localMarketplace;
            return new Downloads.Artifact(name, URI.create("local:" + sha), sha, () -> {
                try {
                    Path file = marketplace.download(sha, runtimeVersion()).orElseThrow(() -> new IOException(
                            "the local marketplace no longer has " + sha));
                    return Files.newInputStream(file);
                } catch (org.milkbottle.marketplace.api.MarketplaceException e) {
                    throw new IOException(e.getMessage(), e);
                }
            });
        }
        URI url = Resources.url(resource, index.base());
        if (url == null) {
            throw new PluginException(name + " has no download URL in the index of '" + index.repository().name() + "'.");
        }
        URI withRuntime = url.getScheme().startsWith("http") ? URI.create(url + (url.getQuery() == null ? "?" : "&")
                + "runtime=" + runtimeVersion()) : url;
        return new Downloads.Artifact(name, url, sha, "file".equals(url.getScheme())
                ? () -> Files.newInputStream(Path.of(url)) : downloads.http(withRuntime));
    }

    /** The newest resource called {@code NAME} (or ending in {@code .NAME}) within the optional range. */
    static Resource pick(String request, List<Resource> available) {
        String[] parts = request.split("@", 2);
        String name = parts[0];
        VersionRange range;
        try {
            range = parts.length == 2 ? VersionRange.valueOf(parts[1]) : null;
        } catch (IllegalArgumentException e) {
            throw new PluginException("'" + parts[1] + "' is not a version range; write e.g. 'hello@[1.0,2.0)' "
                    + "(quoted, for the shell) or hello@1.2 (1.2 or later).");
        }
        List<Resource> exact = available.stream().filter(r -> name.equals(Resources.identity(r))).toList();
        List<Resource> candidates = exact;
        if (candidates.isEmpty()) {
            candidates = available.stream().filter(r -> {
                String identity = Resources.identity(r);
                return identity != null && identity.endsWith("." + name);
            }).toList();
            long identities = candidates.stream().map(Resources::identity).distinct().count();
            if (identities > 1) {
                throw new PluginException("'" + name + "' could mean " + candidates.stream().map(Resources::identity)
                        .distinct().sorted().collect(Collectors.joining(", ")) + "; give the full name.");
            }
        }
        if (candidates.isEmpty()) {
            throw new PluginException("No repository has a plugin named '" + name + "'. Search with mb:search "
                    + name + ".");
        }
        List<Resource> named = candidates;
        return candidates.stream().filter(r -> range == null || range.includes(Resources.version(r)))
                .max(java.util.Comparator.comparing(Resources::version))
                .orElseThrow(() -> new PluginException("No version of '" + name + "' in the repositories is "
                        + (range.getRight() == null ? range.getLeft() + " or later" : "within " + range) + "; "
                        + "available: " + named.stream().map(r -> Resources.version(r).toString()).distinct()
                        .sorted().collect(Collectors.joining(", ")) + "."));
    }

    /** The MilkBottle version this runtime provides. */
    String runtimeVersion() {
        for (org.osgi.framework.Bundle bundle : context.getBundles()) {
            org.osgi.framework.wiring.BundleRevision revision =
                    bundle.adapt(org.osgi.framework.wiring.BundleRevision.class);
            if (revision != null) {
                for (var capability : revision.getCapabilities("milkbottle.runtime")) {
                    Object version = capability.getAttributes().get("version");
                    if (version != null) {
                        return version.toString();
                    }
                }
            }
        }
        return Version.emptyVersion.toString();
    }

    private static String explain(ResolutionException e) {
        List<String> reasons = new ArrayList<>();
        for (Requirement requirement : e.getUnresolvedRequirements()) {
            String who = Resources.identity(requirement.getResource());
            String filter = requirement.getDirectives().get("filter");
            reasons.add((who == null ? "a bundle" : who) + " needs " + RequirementWords.describe(
                    requirement.getNamespace(), filter) + ", which neither the runtime nor any repository provides");
        }
        return reasons.isEmpty() ? e.getMessage() : String.join("; ", reasons) + ".";
    }
}
