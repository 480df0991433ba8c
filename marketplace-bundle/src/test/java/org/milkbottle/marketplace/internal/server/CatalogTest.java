package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.marketplace.api.PluginSummary;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;

class CatalogTest {

    static VersionRow row(String name, String version, String filter, long ageSeconds, String... tags) {
        return new VersionRow(name, version, "0".repeat(64), 1, Instant.now().minusSeconds(ageSeconds), name,
                "about " + name, "Acme", null, null, null, null, List.of(tags), List.of(), List.of(), filter, List.of(),
                List.of());
    }

    private static final String ONE_X = "(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))";

    private final Catalog catalog = new Catalog(List.of(row("com.acme.base", "1.0.0", null, 50),
            row("com.acme.app", "1.0.0", ONE_X, 40, "demo"), row("com.acme.app", "2.0.0",
                    "(&(milkbottle.runtime=milkbottle)(version>=2.0))", 10, "demo"), row("org.other.tool", "1.0.0", ONE_X, 5)),
            new PluginStore.RatingTotals(Map.of("org.other.tool", 4.5), Map.of("org.other.tool", 2)),
            new PluginStore.DownloadTotals(Map.of("com.acme.app", 10L), Map.of()), Map.of());

    private List<String> names(SearchQuery query) {
        return catalog.search(query).items().stream().map(PluginSummary::name).toList();
    }

    @Test
    void emptyTextListsEverythingByDownloads() {
        assertThat(names(new SearchQuery(null, null, null, null, null, "1.0.0", null, 1, 50)))
                .containsExactly("com.acme.app", "com.acme.base", "org.other.tool");
    }

    @Test
    void theLatestCompatibleVersionIsShown() {
        assertThat(catalog.search(new SearchQuery("app", null, null, null, null, "1.0.0", null, 1, 50)).items().get(0)
                .version()).isEqualTo("1.0.0");
        assertThat(catalog.search(new SearchQuery("app", null, null, null, null, "2.1.0", null, 1, 50)).items().get(0)
                .version()).isEqualTo("2.0.0");
        assertThat(names(new SearchQuery("tool", null, null, null, null, "3.0.0", null, 1, 50))).isEmpty();
    }

    @Test
    void filtersSortAndPages() {
        assertThat(names(new SearchQuery(null, "demo", null, null, null, null, null, 1, 50))).containsExactly("com.acme.app");
        assertThat(names(new SearchQuery(null, null, null, null, 4.0, null, null, 1, 50))).containsExactly("org.other.tool");
        assertThat(names(new SearchQuery(null, null, null, null, null, null, "name", 1, 2)))
                .containsExactly("com.acme.app", "com.acme.base");
        assertThat(names(new SearchQuery(null, null, null, null, null, null, "name", 2, 2))).containsExactly("org.other.tool");
        assertThat(names(new SearchQuery(null, null, null, null, null, null, "updated", 1, 50)).get(0))
                .isEqualTo("org.other.tool");
        assertThat(names(new SearchQuery("' OR 1=1 --", null, null, null, null, null, null, 1, 50))).isEmpty();
    }
}
