package org.milkbottle.marketplace.internal.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.marketplace.api.PluginSummary;
import org.milkbottle.marketplace.api.SearchPage;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.RuntimeRequirement;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;
import org.osgi.framework.Version;

/**
 * An immutable, in-memory snapshot of everything search needs, built from the database: searching
 * 10,000 plugins is a scan over prepared lower-case text, with no database round trip.
 */
final class Catalog {

    /** One plugin: its versions newest first, and what search matches and sorts on. */
    record Entry(String name, List<VersionRow> versions, double rating, int ratingCount, long downloads,
            String owner) {

        VersionRow latest() {
            return versions.get(0);
        }
    }

    private record Searchable(Entry entry, String name, String text) {
    }

    private final Map<String, Entry> byName;
    private final List<Searchable> searchable;
    private final List<VersionRow> rows;
    private final Map<String, VersionRow> bySha;
    private final Map<String, List<Searchable>> orders = new HashMap<>();
    /** Per runtime version, whether each runtime filter accepts it, remembered for this snapshot's lifetime. */
    private final Map<Version, Map<String, Boolean>> compatibility = new ConcurrentHashMap<>();

    Catalog(List<VersionRow> rows, PluginStore.RatingTotals ratings, PluginStore.DownloadTotals downloads,
            Map<String, String> owners) {
        Map<String, List<VersionRow>> grouped = new HashMap<>();
        for (VersionRow row : rows) {
            grouped.computeIfAbsent(row.name(), n -> new ArrayList<>()).add(row);
        }
        Map<String, Entry> entries = new HashMap<>();
        List<Searchable> texts = new ArrayList<>();
        for (Map.Entry<String, List<VersionRow>> group : grouped.entrySet()) {
            List<VersionRow> versions = new ArrayList<>(group.getValue());
            versions.sort(Comparator.comparing((VersionRow r) -> Version.parseVersion(r.version())).reversed());
            String name = group.getKey();
            Entry entry = new Entry(name, List.copyOf(versions), ratings.average().getOrDefault(name, 0.0),
                    ratings.count().getOrDefault(name, 0), downloads.byPlugin().getOrDefault(name, 0L),
                    owners.get(name));
            entries.put(name, entry);
            VersionRow latest = entry.latest();
            String text = String.join(" ", name, nonNull(latest.title()), nonNull(latest.description()),
                    String.join(" ", latest.tags()), String.join(" ", latest.capabilities())).toLowerCase(Locale.ROOT);
            texts.add(new Searchable(entry, name.toLowerCase(Locale.ROOT), text));
        }
        this.byName = Map.copyOf(entries);
        this.searchable = List.copyOf(texts);
        // every order but relevance is fixed for a snapshot: sort once, then a search only filters
        for (String sort : List.of("downloads", "rating", "updated", "name")) {
            List<Searchable> sorted = new ArrayList<>(texts);
            Comparator<Hit> order = order(sort);
            sorted.sort((a, b) -> order.compare(new Hit(a.entry(), a.entry().latest(), 0),
                    new Hit(b.entry(), b.entry().latest(), 0)));
            orders.put(sort, List.copyOf(sorted));
        }
        this.rows = List.copyOf(rows);
        Map<String, VersionRow> shas = new HashMap<>();
        rows.forEach(r -> shas.putIfAbsent(r.sha256(), r));
        this.bySha = Map.copyOf(shas);
    }

    /** Every published version. */
    List<VersionRow> rows() {
        return rows;
    }

    /** The version stored as this artifact. */
    Optional<VersionRow> bySha(String sha256) {
        return Optional.ofNullable(bySha.get(sha256));
    }

    Entry entry(String name) {
        return byName.get(name);
    }

    int size() {
        return byName.size();
    }

    /** Runs a query that {@link #check} accepted. */
    SearchPage search(SearchQuery query) {
        String[] words = query.text() == null || query.text().isBlank() ? new String[0]
                : query.text().toLowerCase(Locale.ROOT).trim().split("\\s+");
        Version runtime = query.runtimeVersion() == null ? null : Version.parseVersion(query.runtimeVersion());
        String sort = query.sort() == null ? (words.length > 0 ? "relevance" : "downloads") : query.sort();
        boolean presorted = orders.containsKey(sort);
        Map<String, Boolean> answers = runtime == null ? null
                : compatibility.computeIfAbsent(runtime, v -> new ConcurrentHashMap<>());
        List<Hit> hits = new ArrayList<>();
        for (Searchable candidate : presorted ? orders.get(sort) : searchable) {
            Entry entry = candidate.entry();
            if (!matchesAll(candidate.text(), words)) {
                continue;
            }
            VersionRow shown = runtime == null ? entry.latest() : latestCompatible(entry, runtime, answers);
            if (shown == null || !filters(query, shown, entry)) {
                continue;
            }
            hits.add(new Hit(entry, shown, presorted ? 0 : score(candidate, words)));
        }
        if (!presorted) {
            hits.sort(order(sort));
        }
        int from = Math.min((query.page() - 1) * query.pageSize(), hits.size());
        int to = Math.min(from + query.pageSize(), hits.size());
        List<PluginSummary> items = hits.subList(from, to).stream().map(h -> summary(h.entry(), h.shown())).toList();
        return new SearchPage(hits.size(), query.page(), query.pageSize(), items);
    }

    private record Hit(Entry entry, VersionRow shown, int score) {
    }

    static PluginSummary summary(Entry entry, VersionRow shown) {
        Instant updated = entry.latest().published();
        return new PluginSummary(entry.name(), shown.title(), shown.description(), shown.vendor(), shown.version(),
                shown.tags(), shown.capabilities(), Math.round(entry.rating() * 10) / 10.0, entry.ratingCount(),
                entry.downloads(), updated);
    }

    /** The newest version whose runtime requirement accepts {@code runtime}, or null. */
    static VersionRow latestCompatible(Entry entry, Version runtime, Map<String, Boolean> answers) {
        for (VersionRow row : entry.versions()) {
            // most plugins share a handful of requirement filters: each is parsed and matched once per runtime
            if (row.runtimeFilter() == null || answers.computeIfAbsent(row.runtimeFilter(),
                    filter -> compatible(filter, runtime))) {
                return row;
            }
        }
        return null;
    }

    static boolean compatible(String runtimeFilter, Version runtime) {
        return RuntimeRequirement.accepts(runtimeFilter, runtime);
    }

    private static boolean filters(SearchQuery query, VersionRow shown, Entry entry) {
        return (query.tag() == null || containsIgnoreCase(shown.tags(), query.tag()))
                && (query.capability() == null || containsIgnoreCase(shown.capabilities(), query.capability()))
                && (query.vendor() == null || query.vendor().equalsIgnoreCase(nonNull(shown.vendor())))
                && (query.minRating() == null || entry.rating() >= query.minRating());
    }

    private static boolean matchesAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Name matches count most: an exact name, then a name containing the words, then the rest. */
    private static int score(Searchable candidate, String[] words) {
        String joined = String.join(" ", words);
        if (candidate.name().equals(joined)) {
            return 3;
        }
        int score = 0;
        for (String word : words) {
            if (candidate.name().contains(word)) {
                score = Math.max(score, 2);
            }
        }
        return score;
    }

    private static Comparator<Hit> order(String sort) {
        Comparator<Hit> byName = Comparator.comparing(h -> h.entry().name());
        Comparator<Hit> byDownloads = Comparator.comparingLong((Hit h) -> h.entry().downloads()).reversed();
        return switch (sort) {
            case "name" -> byName;
            case "rating" -> Comparator.comparingDouble((Hit h) -> h.entry().rating()).reversed()
                    .thenComparing(byDownloads).thenComparing(byName);
            case "updated" -> Comparator.comparing((Hit h) -> h.entry().latest().published()).reversed()
                    .thenComparing(byName);
            case "relevance" -> Comparator.comparingInt((Hit h) -> h.score()).reversed().thenComparing(byDownloads)
                    .thenComparing(byName);
            default -> byDownloads.thenComparing(byName);
        };
    }

    private static boolean containsIgnoreCase(List<String> values, String wanted) {
        for (String value : values) {
            if (value.equalsIgnoreCase(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
