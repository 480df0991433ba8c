package org.milkbottle.repository.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The repositories this runtime installs from: the ones configured here (kept in the data folder, each
 * registered as a {@link org.osgi.service.repository.Repository} service) and those registered by bundles of
 * this runtime (the embedded marketplace). Shell commands and other edges call this; nothing here prints.
 */
@ProviderType
public interface RepositoryRegistry {

    /** Every repository in use: those registered in this runtime first, then the configured ones. */
    List<RepositoryInfo> list();

    /**
     * Adds (or replaces) a configured repository after loading its index once, so that a wrong URL or a
     * bad signature is refused before anything is saved.
     *
     * @param name a short name: 1 to 50 letters, digits or {@code . _ -}, not one used in this runtime
     *        ({@code local})
     * @param url a marketplace ({@code http(s)://HOST/repository/}) or a folder with an {@code index.xml}
     *        ({@code file:})
     * @param keyFile the PEM file of the marketplace's public key; {@code null} to pin the key the marketplace
     *        serves (reported in {@link RepositoryInfo#keyFetched()}) or, for a folder, to check no signature
     * @return the repository as added, with its number of resources
     * @throws RepositoryException for a bad name, URL or key, an unreachable repository or a bad signature
     */
    RepositoryInfo add(String name, String url, String keyFile);

    /**
     * Stops using a configured repository and withdraws its advisories; installed plugins stay.
     *
     * @throws RepositoryException when no configured repository has that name
     */
    void remove(String name);

    /**
     * Searches every repository that can be searched: the catalogs in this runtime, each marketplace's
     * search API and the folders' indexes. A repository that cannot answer adds a note instead.
     *
     * @throws RepositoryException for a request no repository could accept (e.g. a text that is too long)
     */
    SearchResult search(SearchRequest request);
}
