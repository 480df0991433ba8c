package org.milkbottle.repository.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.milkbottle.repository.api.RepositoryProperties;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.repository.Repository;

/**
 * Registers one {@link Repository} service per configured repository and keeps its properties current.
 *
 * <p>These are registered with {@link BundleContext#registerService} rather than as DS components: their
 * number and identity come from {@code repositories.json} and change with {@code mb:repo-add} and
 * {@code mb:repo-remove} at run time, which a component factory or factory configurations would only
 * mirror at the cost of a second copy of that state. They live exactly as long as the registry component
 * that owns them: registered on activation and on add, unregistered on remove and deactivation.
 *
 * <p>DS does not declare services registered this way, so the capability is declared here, for resolvers
 * looking for a bundle that provides repositories.
 */
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.osgi.service.repository.Repository")
final class RepositoryServices implements AutoCloseable {

    private final BundleContext context;
    private final IndexSource indexes;
    private final Consumer<ConfiguredRepository> fetched;
    private final Map<String, Registered> registered = new ConcurrentHashMap<>();

    /**
     * @param fetched told of each repository whose index was just loaded fresh (not an older copy), e.g. to
     *        fetch its advisories too
     */
    RepositoryServices(BundleContext context, IndexSource indexes, Consumer<ConfiguredRepository> fetched) {
        this.context = context;
        this.indexes = indexes;
        this.fetched = fetched;
    }

    /** Registers the repository's service, replacing one of the same name. */
    synchronized void register(ConfiguredRepository repository) {
        unregister(repository.name());
        Registered entry = new Registered(repository);
        entry.registration = context.registerService(Repository.class, entry.service, entry.properties());
        registered.put(repository.name(), entry);
    }

    synchronized void unregister(String name) {
        Registered entry = registered.remove(name);
        if (entry != null) {
            try {
                entry.registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
    }

    Optional<IndexedRepository> find(String name) {
        return Optional.ofNullable(registered.get(name)).map(entry -> entry.service);
    }

    List<String> names() {
        return List.copyOf(registered.keySet());
    }

    @Override
    public synchronized void close() {
        List.copyOf(registered.keySet()).forEach(this::unregister);
    }

    private final class Registered {

        private final ConfiguredRepository repository;
        private final IndexedRepository service;
        private volatile ServiceRegistration<Repository> registration;
        private String note;

        Registered(ConfiguredRepository repository) {
            this.repository = repository;
            this.service = new IndexedRepository(repository, indexes, this::loaded);
        }

        /** The note property follows every load: set while answers come from an older copy (or none), removed after. */
        void loaded(IndexedRepository.Load load) {
            if (load.index() != null && load.index().offlineNote() == null) {
                fetched.accept(repository);
            }
            String next = load.note();
            synchronized (this) {
                if (Objects.equals(note, next) || registration == null) {
                    return;
                }
                note = next;
                try {
                    registration.setProperties(properties());
                } catch (IllegalStateException unregistered) {
                    // removed meanwhile: nobody reads its properties any more
                }
            }
        }

        Hashtable<String, Object> properties() {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Repository.URL, repository.url());
            properties.put(RepositoryProperties.NAME, repository.name());
            if (note != null) {
                properties.put(RepositoryProperties.NOTE, note);
            }
            return properties;
        }
    }
}
