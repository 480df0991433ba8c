package org.milkbottle.perf.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A cache that knows how to compute its values, and so can refresh them in the background
 * ({@link CacheSpec#refreshAfterWrite()}).
 *
 * @param <K> key type
 * @param <V> value type
 */
@ProviderType
public interface LoadingPluginCache<K, V> extends PluginCache<K, V> {

    /** The cached value for {@code key}, computed by the cache's loader when there is none. */
    V get(K key);
}
