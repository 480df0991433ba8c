package org.milkbottle.perf.api;

import java.util.Optional;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One of a bundle's named caches. Keys and values must not be {@code null}. Safe for concurrent use; a value
 * is computed at most once per key at a time.
 *
 * @param <K> key type
 * @param <V> value type
 */
@ProviderType
public interface PluginCache<K, V> {

    /** The name the bundle gave this cache. */
    String name();

    /** The cached value for {@code key}, or the value {@code loader} computes (and that is then kept). */
    V get(K key, Function<? super K, ? extends V> loader);

    /** The cached value for {@code key}, if there is one. */
    Optional<V> getIfPresent(K key);

    void put(K key, V value);

    void invalidate(K key);

    void invalidateAll();

    /** Hits, misses, evictions and size so far. */
    CacheStatistics statistics();
}
