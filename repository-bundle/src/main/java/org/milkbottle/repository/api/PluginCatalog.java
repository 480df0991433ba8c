package org.milkbottle.repository.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A searchable catalog with ratings and download counts, registered as a service by a marketplace running
 * in this runtime; {@link RepositoryRegistry#search} asks every one. Its plugins are installed through the
 * {@link org.osgi.service.repository.Repository} service the same bundle registers.
 */
@ConsumerType
public interface PluginCatalog {

    /** The name of the repository its plugins are installed from (its {@link RepositoryProperties#NAME}). */
    String name();

    /**
     * The plugins matching the request, best first, each at its latest version that runs on
     * {@code runtimeVersion}.
     *
     * @throws RepositoryException when the catalog refuses the request or cannot answer now
     */
    List<SearchHit> search(SearchRequest request, String runtimeVersion);
}
