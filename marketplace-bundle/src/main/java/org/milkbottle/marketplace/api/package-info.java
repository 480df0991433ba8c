/**
 * The marketplace server as a service: publish validated plugins, search and describe them, rate them,
 * count downloads, and serve a signed OSGi repository index of every published version. The HTTP API,
 * the shell commands and the web page are thin layers over {@link org.milkbottle.marketplace.api.Marketplace}.
 *
 * <p>2.0.0: {@code Marketplace.signedAdvisories()} returns a {@link org.milkbottle.marketplace.api.SignedDocument}
 * instead of a {@code String[]} — a changed method of a provider type that consumers call, so a major version.
 *
 * <p>2.1.0: {@code Marketplace.downloadsPerVersion(String)}, downloads per version and day (a method added to a
 * provider type: a minor version).
 *
 * <p>2.2.0: {@code Marketplace.searchRevision()}, so that answers can be kept per state of the catalog (a method
 * added to a provider type: a minor version).
 */
@Export
@Version("2.3.0")
package org.milkbottle.marketplace.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
