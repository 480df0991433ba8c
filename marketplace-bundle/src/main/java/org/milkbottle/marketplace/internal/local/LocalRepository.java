package org.milkbottle.marketplace.internal.local;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.milkbottle.repository.api.RepositoryProperties;
import org.osgi.framework.Constants;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.repository.Repository;

import aQute.bnd.osgi.repository.BaseRepository;
import aQute.bnd.osgi.repository.ResourcesRepository;

/**
 * The marketplace's catalog as a {@link Repository} of the runtime it runs in, so that {@code mb:install NAME}
 * finds its plugins without HTTP or an XML index in between: the resources are the marketplace's own
 * ({@link ArtifactCatalog}), each artifact's {@code osgi.content} the stored file. Matching is bnd's
 * {@link ResourcesRepository}, rebuilt when something is published.
 */
@Component(service = Repository.class, property = {RepositoryProperties.NAME + "=" + LocalRepository.NAME,
    Constants.SERVICE_DESCRIPTION + "=this runtime's marketplace"})
public class LocalRepository extends BaseRepository {

    /** The repository name of the marketplace embedded in a runtime. */
    public static final String NAME = "local";
    private static final System.Logger LOG = System.getLogger(LocalRepository.class.getName());

    private record Snapshot(List<Resource> source, ResourcesRepository repository) {
    }

    private final ArtifactCatalog catalog;
    private volatile Snapshot snapshot;

    @Activate
    public LocalRepository(@Reference ArtifactCatalog catalog) {
        this.catalog = catalog;
    }

    /** A marketplace that could not start answers nothing (its log says why) rather than failing the resolve. */
    @Override
    public Map<Requirement, Collection<Capability>> findProviders(Collection<? extends Requirement> requirements) {
        List<Resource> resources;
        try {
            resources = catalog.resources();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The local marketplace cannot answer: " + e.getMessage());
            resources = List.of();
        }
        Snapshot current = snapshot;
        if (current == null || current.source() != resources) {
            current = new Snapshot(resources, new ResourcesRepository(resources));
            snapshot = current;
        }
        return current.repository().findProviders(requirements);
    }
}
