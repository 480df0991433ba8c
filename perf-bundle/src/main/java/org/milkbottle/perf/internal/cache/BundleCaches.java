package org.milkbottle.perf.internal.cache;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.LoadingPluginCache;
import org.milkbottle.perf.api.PluginCache;

/**
 * One bundle's named caches, within the limits in force when each is created. A loading cache asked for again
 * keeps the loader it was created with.
 */
final class BundleCaches implements CacheManager {

    private final CacheOwner owner;
    private final CacheFactory factory;
    private final Supplier<CacheLimits> limits;
    /** Read without the lock on the path every lookup takes; changed only under it. */
    private final Map<String, NamedCache<?, ?>> caches = new ConcurrentHashMap<>();
    private boolean released;

    BundleCaches(CacheOwner owner, CacheFactory factory, Supplier<CacheLimits> limits) {
        this.owner = owner;
        this.factory = factory;
        this.limits = limits;
    }

    CacheOwner owner() {
        return owner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> PluginCache<K, V> cache(String name, CacheSpec spec) {
        return (PluginCache<K, V>) obtain(name, spec, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> LoadingPluginCache<K, V> loadingCache(String name, CacheSpec spec,
            Function<? super K, ? extends V> loader) {
        Objects.requireNonNull(loader, () -> "loading cache '" + name + "' of " + owner + " needs a loader, not null");
        return (LoadingPluginCache<K, V>) obtain(name, spec, (Function<Object, Object>) loader);
    }

    private NamedCache<?, ?> obtain(String name, CacheSpec spec, Function<Object, Object> loader) {
        Objects.requireNonNull(name, () -> owner + " asked for a cache without a name");
        Objects.requireNonNull(spec, () -> owner + " asked for cache '" + name + "' without a CacheSpec");
        NamedCache<?, ?> existing = caches.get(name);
        if (existing != null) {
            return same(existing, spec, loader != null);
        }
        synchronized (this) {
            if (released) {
                throw new IllegalStateException(owner + " released its CacheManager; cache '" + name
                        + "' cannot be created any more");
            }
            existing = caches.get(name);
            if (existing != null) {
                return same(existing, spec, loader != null);
            }
            long entries = caches.values().stream().mapToLong(c -> c.spec().maximumSize()).sum();
            limits.get().check(owner.toString(), name, caches.size(), entries, spec.maximumSize());
            NamedCache<?, ?> created = loader == null ? factory.create(owner, name, spec)
                    : factory.createLoading(owner, name, spec, loader);
            caches.put(name, created);
            return created;
        }
    }

    private NamedCache<?, ?> same(NamedCache<?, ?> existing, CacheSpec spec, boolean loading) {
        if (existing.isLoading() != loading) {
            throw new IllegalStateException("cache '" + existing.name() + "' of " + owner + " exists as "
                    + kind(existing.isLoading()) + " but is asked for as " + kind(loading)
                    + ": use another name, or remove(\"" + existing.name() + "\") first");
        }
        if (!existing.spec().equals(spec)) {
            throw new IllegalStateException("cache '" + existing.name() + "' of " + owner + " exists with "
                    + existing.spec() + " but is asked for with " + spec
                    + ": ask with the same spec, use another name, or remove(\"" + existing.name() + "\") first");
        }
        return existing;
    }

    private static String kind(boolean loading) {
        return loading ? "a loading cache" : "a cache without a loader";
    }

    @Override
    public synchronized void remove(String name) {
        Objects.requireNonNull(name, () -> owner + " asked to remove a cache without a name");
        NamedCache<?, ?> removed = caches.remove(name);
        if (removed != null) {
            removed.drop();
        }
    }

    @Override
    public List<CacheStatistics> statistics() {
        return caches.values().stream().map(NamedCache::statistics)
                .sorted(Comparator.comparing(CacheStatistics::name)).toList();
    }

    /** Drops every cache; the manager creates none afterwards. */
    synchronized void release() {
        released = true;
        caches.values().forEach(NamedCache::drop);
        caches.clear();
    }
}
