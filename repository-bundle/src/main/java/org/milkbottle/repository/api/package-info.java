/**
 * The plugin repositories a runtime installs from. Each configured repository (a marketplace's
 * {@code /repository/} or a folder with an {@code index.xml}) is an OSGi
 * {@link org.osgi.service.repository.Repository} service answering from its verified, cached index, with
 * the service properties named in {@link org.milkbottle.repository.api.RepositoryProperties}; a marketplace
 * running in the same runtime registers its own. {@link org.milkbottle.repository.api.RepositoryRegistry}
 * adds, lists, removes and searches them; {@link org.milkbottle.repository.api.PluginCatalog} is what a
 * marketplace in this runtime offers to search.
 */
@Export
@Version("1.0.0")
package org.milkbottle.repository.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
