package org.milkbottle.marketplace.internal.server;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.milkbottle.marketplace.api.Analytics;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.PluginDetails;
import org.milkbottle.marketplace.api.PluginVersion;
import org.milkbottle.marketplace.api.SearchPage;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.store.ArtifactFiles;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;

/**
 * The catalog side: search and details from the in-memory {@link Catalog}, ratings, downloads (counted,
 * with the runtime version that asked) and the figures of the analytics page.
 */
final class CatalogQueries {

    private static final Set<String> SORTS = Set.of("relevance", "downloads", "rating", "updated", "name");
    private static final int MAX_REVIEW = 4000;

    private final Storage storage;

    CatalogQueries(Storage storage) {
        this.storage = storage;
    }

    SearchPage search(SearchQuery query) throws MarketplaceException {
        check(query);
        return storage.catalog().current().search(query);
    }

    /** Changes whenever a search may answer differently. */
    long searchRevision() {
        return storage.catalog().generation();
    }

    static void check(SearchQuery query) throws MarketplaceException {
        if (query.text() != null && query.text().length() > 200) {
            throw Refusals.bad("The search text is longer than 200 characters.");
        }
        if (query.page() < 1 || query.pageSize() < 1 || query.pageSize() > 100) {
            throw Refusals.bad("page must be 1 or more and pageSize between 1 and 100.");
        }
        if (query.sort() != null && !SORTS.contains(query.sort())) {
            throw Refusals.bad("sort must be one of " + SORTS + ".");
        }
        if (query.minRating() != null && (query.minRating() < 0 || query.minRating() > 5 || query.minRating().isNaN())) {
            throw Refusals.bad("minRating must be between 0 and 5.");
        }
        if (query.runtimeVersion() != null) {
            Refusals.version(query.runtimeVersion(), "runtime");
        }
    }

    Optional<PluginDetails> plugin(String name) {
        Catalog.Entry entry = storage.catalog().current().entry(name);
        if (entry == null) {
            return Optional.empty();
        }
        PluginStore store = storage.store();
        try {
            Map<String, Long> downloads = store.downloadsByVersion(name);
            List<PluginVersion> versions = entry.versions().stream().map(r -> new PluginVersion(r.version(),
                    r.sha256(), r.size(), r.published(), r.runtimeFilter(), r.permissions(), r.dependencies(),
                    r.validation(), downloads.getOrDefault(r.version(), 0L))).toList();
            VersionRow latest = entry.latest();
            return Optional.of(new PluginDetails(Catalog.summary(entry, latest), latest.license(), latest.contact(),
                    latest.docUrl(), latest.scmUrl(), entry.owner(), versions, store.reviews(name)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    SortedMap<LocalDate, Long> downloadsPerDay(String name) throws MarketplaceException {
        try {
            return storage.store().downloadsPerDay(name);
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    Map<String, SortedMap<LocalDate, Long>> downloadsPerVersion(String name) throws MarketplaceException {
        try {
            return storage.store().downloadsPerVersion(name);
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    void rate(String name, String user, int stars, String review) throws MarketplaceException {
        if (name == null || storage.catalog().current().entry(name) == null) {
            throw new MarketplaceException(Reason.NOT_FOUND, "There is no plugin named '" + name + "'.");
        }
        if (user == null || !Refusals.USER.matcher(user).matches()) {
            throw Refusals.bad("user must be 1 to 100 letters, digits or . _ @ -.");
        }
        if (stars < 1 || stars > 5) {
            throw Refusals.bad("stars must be a whole number from 1 to 5; it was " + stars + ".");
        }
        if (review != null && review.length() > MAX_REVIEW) {
            throw Refusals.bad("A review may have at most " + MAX_REVIEW + " characters.");
        }
        try {
            storage.store().rate(name, user, stars, review == null ? "" : review);
            storage.catalog().invalidate();
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    Optional<Path> download(String sha256, String runtimeVersion) throws MarketplaceException {
        if (!ArtifactFiles.isSha256(sha256)) {
            throw Refusals.bad("An artifact is named by its SHA-256: 64 lower-case hex digits.");
        }
        String runtime = runtimeVersion == null ? "unknown" : Refusals.version(runtimeVersion, "runtime").toString();
        Optional<Path> file = storage.artifacts().find(sha256);
        Optional<VersionRow> row = storage.catalog().current().bySha(sha256);
        if (file.isEmpty() || row.isEmpty()) {
            return Optional.empty();
        }
        try {
            storage.store().countDownload(row.get().name(), row.get().version(), LocalDate.now(), runtime);
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
        return file;
    }

    Analytics analytics() throws MarketplaceException {
        PluginStore store = storage.store();
        try {
            Catalog current = storage.catalog().current();
            PluginStore.DownloadTotals totals = store.downloadTotals();
            SortedMap<LocalDate, Long> perDay = new TreeMap<>();
            store.downloadsBy("on_day").forEach((day, count) -> perDay.put(LocalDate.parse(day), count));
            List<Analytics.Top> top = totals.byPlugin().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).map(e -> new Analytics.Top(e.getKey(), e.getValue())).toList();
            return new Analytics(current.size(), current.rows().size(),
                    totals.byPlugin().values().stream().mapToLong(Long::longValue).sum(), perDay, top,
                    store.downloadsBy("runtime_version"));
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }
}
