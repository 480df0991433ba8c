package org.milkbottle.perf.internal.cache;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.PluginCache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * One bundle's named cache over a Caffeine cache. Once dropped (removed by name, or its bundle released the
 * cache manager) it refuses to work, so a bundle holding on to it cannot keep entries the limits no longer
 * count.
 *
 * @param <K> key type
 * @param <V> value type
 */
class NamedCache<K, V> implements PluginCache<K, V> {

    private final CacheOwner owner;
    private final String name;
    private final CacheSpec spec;
    private final Cache<K, V> cache;
    private volatile boolean dropped;

    NamedCache(CacheOwner owner, String name, CacheSpec spec, Cache<K, V> cache) {
        this.owner = owner;
        this.name = name;
        this.spec = spec;
        this.cache = cache;
    }

    @Override
    public String name() {
        return name;
    }

    CacheSpec spec() {
        return spec;
    }

    CacheOwner owner() {
        return owner;
    }

    /** Whether values come from a loader given when the cache was created. */
    boolean isLoading() {
        return false;
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
        checkUsable();
        Objects.requireNonNull(loader, () -> "cache '" + name + "' of " + owner + " got a null loader");
        return cache.get(requireKey(key), nonNullLoader(name, loader));
    }

    @Override
    public Optional<V> getIfPresent(K key) {
        checkUsable();
        return Optional.ofNullable(cache.getIfPresent(requireKey(key)));
    }

    @Override
    public void put(K key, V value) {
        checkUsable();
        requireKey(key);
        Objects.requireNonNull(value, () -> "cache '" + name + "' of " + owner + " cannot hold a null value (key "
                + key + "); invalidate the key instead");
        cache.put(key, value);
    }

    @Override
    public void invalidate(K key) {
        checkUsable();
        cache.invalidate(requireKey(key));
    }

    @Override
    public void invalidateAll() {
        checkUsable();
        cache.invalidateAll();
    }

    @Override
    public CacheStatistics statistics() {
        // Caffeine evicts and expires in the background; settling first makes size and evictions mean "now".
        cache.cleanUp();
        CacheStats stats = cache.stats();
        return new CacheStatistics(owner.symbolicName(), owner.bundleId(), name, cache.estimatedSize(),
                spec.maximumSize(), stats.hitCount(), stats.missCount(), stats.evictionCount(),
                stats.loadFailureCount());
    }

    /** Empties the cache and makes it refuse further use. */
    void drop() {
        dropped = true;
        cache.invalidateAll();
        cache.cleanUp();
    }

    K requireKey(K key) {
        return Objects.requireNonNull(key, () -> "cache '" + name + "' of " + owner + " cannot take a null key");
    }

    void checkUsable() {
        if (dropped) {
            throw new IllegalStateException("cache '" + name + "' of " + owner
                    + " was dropped (removed, or the bundle released its CacheManager); ask the CacheManager for it again");
        }
    }

    /** {@code loader}, refusing to return null: Caffeine would treat null as "no value" and keep nothing. */
    static <K, V> Function<K, V> nonNullLoader(String name, Function<? super K, ? extends V> loader) {
        return key -> {
            V value = loader.apply(key);
            if (value == null) {
                throw new NullPointerException("the loader of cache '" + name + "' returned null for key " + key
                        + "; a cache holds no null values: return a value, or use getIfPresent and handle the absence");
            }
            return value;
        };
    }
}
