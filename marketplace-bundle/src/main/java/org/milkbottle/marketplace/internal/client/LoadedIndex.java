package org.milkbottle.marketplace.internal.client;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.osgi.resource.Resource;

/**
 * A repository's index as parsed: its resources, the URI relative artifact URLs resolve against, when
 * it was fetched, and a note when it is an older copy used because the repository was unreachable.
 */
record LoadedIndex(Repository repository, List<Resource> resources, URI base, Instant fetched, String offlineNote) {

    LoadedIndex offline(String reason) {
        return new LoadedIndex(repository, resources, base, fetched, "repository '" + repository.name()
                + "' is unreachable (" + reason + "); using its index from " + fetched);
    }
}
