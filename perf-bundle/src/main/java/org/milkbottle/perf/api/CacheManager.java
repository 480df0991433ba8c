package org.milkbottle.perf.api;

import java.util.List;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A bundle's named caches (Caffeine). Each bundle that gets this service gets its own instance and sees only
 * its own caches; they are dropped when the bundle releases the service (when it stops or is uninstalled).
 * The operator limits how many caches and entries one bundle may hold.
 */
@ProviderType
public interface CacheManager {

    /**
     * The bundle's cache called {@code name}: created with {@code spec} the first time, the same cache
     * afterwards.
     *
     * @throws CacheLimitException when creating it would exceed the bundle's limits
     * @throws IllegalStateException when a cache of that name exists with another spec or as a loading cache
     */
    <K, V> PluginCache<K, V> cache(String name, CacheSpec spec);

    /**
     * The bundle's loading cache called {@code name}, computing missing values with {@code loader}; created the
     * first time, the same cache afterwards.
     *
     * @throws CacheLimitException when creating it would exceed the bundle's limits
     * @throws IllegalStateException when a cache of that name exists with another spec or without a loader
     */
    <K, V> LoadingPluginCache<K, V> loadingCache(String name, CacheSpec spec, Function<? super K, ? extends V> loader);

    /** Drops the cache called {@code name}, if there is one; its entries are gone. */
    void remove(String name);

    /** The statistics of this bundle's caches, by name. */
    List<CacheStatistics> statistics();
}
