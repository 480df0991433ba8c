package org.milkbottle.perf.internal.cache;

import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.LoadingPluginCache;

import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * A named cache with its own loader, which Caffeine also uses to refresh entries in the background
 * ({@link CacheSpec#refreshAfterWrite()}).
 *
 * @param <K> key type
 * @param <V> value type
 */
final class NamedLoadingCache<K, V> extends NamedCache<K, V> implements LoadingPluginCache<K, V> {

    private final LoadingCache<K, V> cache;

    NamedLoadingCache(CacheOwner owner, String name, CacheSpec spec, LoadingCache<K, V> cache) {
        super(owner, name, spec, cache);
        this.cache = cache;
    }

    @Override
    boolean isLoading() {
        return true;
    }

    @Override
    public V get(K key) {
        checkUsable();
        return cache.get(requireKey(key));
    }
}
