package org.milkbottle.marketplace.internal.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.milkbottle.marketplace.internal.local.ArtifactCatalog;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/**
 * Finds the stored file of a published jar by its SHA-256, through the marketplace's own
 * {@link ArtifactCatalog} (whose {@code osgi.content} capabilities name the files), without counting a
 * download the way the repository's artifact path does.
 */
final class StoredJars {

    private static final String CONTENT = "osgi.content";

    private final ArtifactCatalog catalog;

    StoredJars(ArtifactCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<Path> find(String sha256) {
        for (Resource resource : catalog.resources()) {
            for (Capability capability : resource.getCapabilities(CONTENT)) {
                Object url = capability.getAttributes().get("url");
                if (sha256.equals(capability.getAttributes().get(CONTENT)) && url != null) {
                    Path file = Path.of(URI.create(url.toString()));
                    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
