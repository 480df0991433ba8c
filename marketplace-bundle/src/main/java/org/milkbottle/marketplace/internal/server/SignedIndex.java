package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.milkbottle.marketplace.internal.store.VersionRow;
import org.osgi.resource.Resource;

/**
 * The marketplace's repository: its published artifacts as resources (for the Repository service of the
 * runtime it runs in) and as the signed R5 index other runtimes fetch. Both are rebuilt only when the
 * catalog's revision moves; each artifact's resource is built once ({@link RepositoryIndex}).
 */
final class SignedIndex {

    private record Published(long revision, List<Resource> resources) {
    }

    private record Signed(long revision, byte[] xml, String signature) {
    }

    private final Storage storage;
    private final RepositoryIndex index = new RepositoryIndex();
    private volatile Published published;
    private volatile Signed signed;

    SignedIndex(Storage storage) {
        this.storage = storage;
    }

    /** Every published artifact that is stored here; the same list until the catalog changes. */
    List<Resource> resources() {
        return published().resources();
    }

    byte[] xml() {
        return signed().xml();
    }

    String signature() {
        return signed().signature();
    }

    String publicKey() {
        return storage.signer().publicKeyPem();
    }

    private Published published() {
        // the revision first: should the catalog move meanwhile, the next call builds again
        long revision = storage.catalog().revision();
        Published current = published;
        if (current != null && current.revision() == revision) {
            return current;
        }
        List<Resource> resources = new ArrayList<>();
        storage.catalog().current().rows().stream().map(VersionRow::sha256).distinct().sorted()
                .forEach(sha -> storage.artifacts().find(sha).ifPresent(file -> resources.add(index.resource(sha,
                        file))));
        current = new Published(revision, List.copyOf(resources));
        published = current;
        return current;
    }

    private Signed signed() {
        Published current = published();
        Signed cached = signed;
        if (cached != null && cached.revision() == current.revision()) {
            return cached;
        }
        try {
            byte[] xml = index.write(current.resources(), current.revision());
            Signed fresh = new Signed(current.revision(), xml, storage.signer().sign(xml));
            signed = fresh;
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the index: " + e.getMessage(), e);
        }
    }
}
