package org.milkbottle.marketplace.internal.local;

import java.util.List;

import org.osgi.resource.Resource;

/**
 * What the marketplace has published, as OSGi resources, for the Repository service of the runtime it runs
 * in: a service of this bundle only (its package is not exported).
 */
public interface ArtifactCatalog {

    /**
     * Every published artifact as bnd reads it from the jar's manifest, its {@code osgi.content} naming the
     * stored file ({@code file:} URI) and its lower-case SHA-256. The same list instance until something is
     * published, here or on another node sharing the database.
     */
    List<Resource> resources();
}
