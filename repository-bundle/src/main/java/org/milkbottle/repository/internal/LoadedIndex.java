package org.milkbottle.repository.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.resource.Resource;

/**
 * A repository's index as parsed (its resources with absolute, verified-content URLs), when it was
 * fetched, and a note when it is an older copy used because the repository was unreachable.
 */
record LoadedIndex(ConfiguredRepository repository, List<Resource> resources, Instant fetched, String offlineNote) {

    LoadedIndex offline(String reason) {
        return new LoadedIndex(repository, resources, fetched, "repository '" + repository.name()
                + "' is unreachable (" + reason + "); using its index from " + fetched);
    }
}
