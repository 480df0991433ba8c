package org.milkbottle.repository.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.PluginCache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** An index cache for tests without the perf bundle: Caffeine with the given expiry, as the perf bundle's is. */
final class TestIndexCaches {

    private TestIndexCaches() {
    }

    /** A cache whose entries live {@code expiry}; {@code null} (no caching) for zero, as the registry does. */
    static PluginCache<String, LoadedIndex> expiring(Duration expiry) {
        if (expiry.isZero()) {
            return null;
        }
        Cache<String, LoadedIndex> cache = Caffeine.newBuilder().expireAfterWrite(expiry).build();
        return new PluginCache<>() {
            @Override
            public String name() {
                return "test-indexes";
            }

            @Override
            public LoadedIndex get(String key, Function<? super String, ? extends LoadedIndex> loader) {
                return cache.get(key, loader);
            }

            @Override
            public Optional<LoadedIndex> getIfPresent(String key) {
                return Optional.ofNullable(cache.getIfPresent(key));
            }

            @Override
            public void put(String key, LoadedIndex value) {
                cache.put(key, value);
            }

            @Override
            public void invalidate(String key) {
                cache.invalidate(key);
            }

            @Override
            public void invalidateAll() {
                cache.invalidateAll();
            }

            @Override
            public CacheStatistics statistics() {
                return new CacheStatistics("test", 0, name(), cache.estimatedSize(), Long.MAX_VALUE, 0, 0, 0, 0);
            }
        };
    }
}
