package org.milkbottle.repository.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.milkbottle.repository.api.PluginCatalog;
import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchRequest;
import org.milkbottle.repository.api.SearchResult;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One search over every repository that can answer it: the catalogs of marketplaces in this runtime, each
 * configured marketplace's search API ({@code ../api/plugins} next to its {@code /repository/}) and the
 * indexes of configured folders (the words matched against each plugin's name and description). The first
 * repository to name a plugin wins; one that cannot answer becomes a note.
 */
final class SearchFanOut {

    /** Plugins per marketplace: what fits a shell screen; refine the words for more. */
    static final int PAGE_SIZE = 50;

    private final Network network;
    private final Supplier<String> runtimeVersion;

    SearchFanOut(Network network, Supplier<String> runtimeVersion) {
        this.network = network;
        this.runtimeVersion = runtimeVersion;
    }

    SearchResult search(SearchRequest request, List<PluginCatalog> catalogs, List<IndexedRepository> configured) {
        String runtime = runtimeVersion.get();
        Map<String, SearchHit> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (PluginCatalog catalog : catalogs) {
            try {
                catalog.search(request, runtime).forEach(hit -> found.putIfAbsent(hit.name(), hit));
            } catch (RuntimeException e) {
                notes.add("repository '" + catalog.name() + "': " + e.getMessage());
            }
        }
        for (IndexedRepository repository : configured) {
            ConfiguredRepository config = repository.repository();
            try {
                List<SearchHit> hits;
                if (config.isFolder()) {
                    hits = folder(repository, request, runtime);
                    noteIfOlder(repository, notes);
                } else {
                    try {
                        hits = marketplace(config, request, runtime);
                    } catch (IOException e) {
                        // as an install would: answer from the index kept of it, and say so (no ratings there)
                        hits = folder(repository, request, runtime);
                        notes.add("repository '" + config.name() + "' is unreachable (" + Network.describe(e)
                                + "); answered from its index from " + repository.index().fetched()
                                + ", without ratings or downloads");
                    }
                }
                hits.forEach(hit -> found.putIfAbsent(hit.name(), hit));
            } catch (RepositoryException e) {
                notes.add("repository '" + config.name() + "': " + e.getMessage());
            }
        }
        return new SearchResult(List.copyOf(found.values()), notes);
    }

    private List<SearchHit> marketplace(ConfiguredRepository repository, SearchRequest request, String runtime)
            throws IOException {
        StringBuilder query = new StringBuilder("../api/plugins?pageSize=" + PAGE_SIZE + "&runtime=").append(enc(runtime));
        if (request.text() != null) {
            query.append("&q=").append(enc(request.text()));
        }
        if (request.tag() != null) {
            query.append("&tag=").append(enc(request.tag()));
        }
        if (request.capability() != null) {
            query.append("&capability=").append(enc(request.capability()));
        }
        URI uri = repository.base().resolve(query.toString());
        JsonNode page = Json.MAPPER.readTree(network.get(uri));
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            hits.add(new SearchHit(item.path("name").asText(), item.path("version").asText(),
                    item.path("rating").asDouble(), item.path("ratingCount").asInt(), item.path("downloads").asLong(),
                    item.hasNonNull("description") ? item.get("description").asText() : null, repository.name()));
        }
        return hits;
    }

    private static void noteIfOlder(IndexedRepository repository, List<String> notes) {
        String note = repository.index().offlineNote();
        if (note != null) {
            notes.add(note);
        }
    }

    /** A folder's index has no tags or capabilities of MilkBottle's to filter on: it answers words only. */
    static List<SearchHit> folder(IndexedRepository repository, SearchRequest request, String runtime) {
        if (request.tag() != null || request.capability() != null) {
            return List.of();
        }
        String[] words = request.text() == null ? new String[0]
                : request.text().toLowerCase(Locale.ROOT).split("\\s+");
        Version version = Version.parseVersion(runtime);
        Map<String, Resource> newest = new LinkedHashMap<>();
        for (Resource resource : repository.index().resources()) {
            Capability identity = identity(resource);
            if (identity == null || !fits(resource, version)) {
                continue;
            }
            String name = String.valueOf(identity.getAttributes().get("osgi.identity"));
            String description = description(identity);
            String text = (name + " " + (description == null ? "" : description)).toLowerCase(Locale.ROOT);
            if (Arrays.stream(words).allMatch(text::contains)) {
                newest.merge(name, resource, (a, b) -> version(a).compareTo(version(b)) >= 0 ? a : b);
            }
        }
        return newest.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SearchHit(e.getKey(), version(e.getValue()).toString(), 0, 0, 0,
                        description(identity(e.getValue())), repository.repository().name()))
                .toList();
    }

    /** Whether the resource's requirement on the MilkBottle runtime (if any) accepts this runtime version. */
    static boolean fits(Resource resource, Version runtime) {
        for (Requirement requirement : resource.getRequirements(RuntimeVersion.NAMESPACE)) {
            String filter = requirement.getDirectives().get("filter");
            try {
                Filter parsed = filter == null ? null : FrameworkUtil.createFilter(filter);
                if (parsed != null && !parsed.matches(Map.of(RuntimeVersion.NAMESPACE, "milkbottle", "version",
                        runtime))) {
                    return false;
                }
            } catch (InvalidSyntaxException e) {
                return false;
            }
        }
        return true;
    }

    private static Capability identity(Resource resource) {
        List<Capability> identities = resource.getCapabilities("osgi.identity");
        return identities.isEmpty() ? null : identities.get(0);
    }

    private static Version version(Resource resource) {
        Object version = identity(resource).getAttributes().get("version");
        return version == null ? Version.emptyVersion : Version.parseVersion(version.toString());
    }

    private static String description(Capability identity) {
        Object description = identity.getAttributes().get("description");
        return description == null ? null : description.toString();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
