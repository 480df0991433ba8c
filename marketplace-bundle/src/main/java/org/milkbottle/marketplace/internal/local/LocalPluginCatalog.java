package org.milkbottle.marketplace.internal.local;

import java.util.List;

import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.PluginSummary;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.repository.api.PluginCatalog;
import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The marketplace's search, with ratings and downloads, for {@code mb:search} in the runtime it runs in. */
@Component(service = PluginCatalog.class)
public class LocalPluginCatalog implements PluginCatalog {

    /** As many as one search of a configured marketplace returns. */
    private static final int PAGE_SIZE = 50;

    private final Marketplace marketplace;

    @Activate
    public LocalPluginCatalog(@Reference Marketplace marketplace) {
        this.marketplace = marketplace;
    }

    @Override
    public String name() {
        return LocalRepository.NAME;
    }

    @Override
    public List<SearchHit> search(SearchRequest request, String runtimeVersion) {
        try {
            return marketplace.search(new SearchQuery(request.text(), request.tag(), request.capability(), null, null,
                    runtimeVersion, null, 1, PAGE_SIZE)).items().stream().map(this::hit).toList();
        } catch (MarketplaceException e) {
            throw new RepositoryException(e.getMessage(), e);
        }
    }

    private SearchHit hit(PluginSummary summary) {
        return new SearchHit(summary.name(), summary.version(), summary.rating(), summary.ratingCount(),
                summary.downloads(), summary.description(), name());
    }
}
