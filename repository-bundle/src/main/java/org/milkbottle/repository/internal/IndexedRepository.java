package org.milkbottle.repository.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.milkbottle.repository.api.RepositoryException;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;

import aQute.bnd.osgi.repository.BaseRepository;
import aQute.bnd.osgi.repository.ResourcesRepository;

/**
 * One configured repository as an OSGi {@link org.osgi.service.repository.Repository}: every question is
 * answered from its verified, cached index ({@link IndexSource}), loaded again when the cache has expired.
 * bnd's {@link ResourcesRepository} does the matching of requirements against the index's capabilities.
 * After each load, {@code afterLoad} hears of the index (or of why there is none), so that the service's
 * note property and the repository's advisories follow.
 */
final class IndexedRepository extends BaseRepository {

    /** What a load found: the index, or why there is none (then {@code index} is null). */
    record Load(LoadedIndex index, String problem) {

        /** The sentence for the user when the answers are not from a fresh index; null when they are. */
        String note() {
            return index == null ? problem : index.offlineNote();
        }
    }

    private record Snapshot(LoadedIndex index, ResourcesRepository resources) {
    }

    private final ConfiguredRepository repository;
    private final IndexSource indexes;
    private final Consumer<Load> afterLoad;
    private volatile Snapshot snapshot;

    IndexedRepository(ConfiguredRepository repository, IndexSource indexes, Consumer<Load> afterLoad) {
        this.repository = repository;
        this.indexes = indexes;
        this.afterLoad = afterLoad;
    }

    ConfiguredRepository repository() {
        return repository;
    }

    /**
     * Answers from the index; a repository that cannot be loaded at all answers nothing, and says why in
     * its note, so that one bad repository does not stop installs from the others.
     */
    @Override
    public Map<Requirement, Collection<Capability>> findProviders(Collection<? extends Requirement> requirements) {
        Snapshot current;
        try {
            current = current();
        } catch (RepositoryException e) {
            return new ResourcesRepository(List.of()).findProviders(requirements);
        }
        return current.resources().findProviders(requirements);
    }

    /**
     * The index as it is now (fetched again when the cache expired).
     *
     * @throws RepositoryException when there is none: unreachable with no earlier copy, or a bad signature
     */
    LoadedIndex index() {
        return current().index();
    }

    private Snapshot current() {
        LoadedIndex index;
        try {
            index = indexes.load(repository);
        } catch (RepositoryException e) {
            afterLoad.accept(new Load(null, e.getMessage()));
            throw e;
        }
        Snapshot current = snapshot;
        if (current == null || current.index() != index) {
            current = new Snapshot(index, new ResourcesRepository(index.resources()));
            snapshot = current;
        }
        afterLoad.accept(new Load(index, null));
        return current;
    }
}
