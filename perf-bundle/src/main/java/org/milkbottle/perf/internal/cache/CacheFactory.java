package org.milkbottle.perf.internal.cache;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

import org.milkbottle.perf.api.CacheSpec;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Builds the Caffeine cache behind a {@link CacheSpec}. The clock and the executor for Caffeine's maintenance
 * and background refreshes are given, so that tests can move time and run refreshes on their own thread.
 */
final class CacheFactory {

    private final Ticker ticker;
    private final Executor executor;

    /** Real time; maintenance and refreshes on the common pool (Caffeine's own default). */
    CacheFactory() {
        this(Ticker.systemTicker(), ForkJoinPool.commonPool());
    }

    CacheFactory(Ticker ticker, Executor executor) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    <K, V> NamedCache<K, V> create(CacheOwner owner, String name, CacheSpec spec) {
        // refreshAfterWrite is left out on purpose: Caffeine refuses it without a loader, and the API says
        // only loading caches refresh.
        return new NamedCache<>(owner, name, spec, builder(spec).build());
    }

    <K, V> NamedLoadingCache<K, V> createLoading(CacheOwner owner, String name, CacheSpec spec,
            Function<? super K, ? extends V> loader) {
        Caffeine<Object, Object> builder = builder(spec);
        if (spec.refreshAfterWrite() != null) {
            builder.refreshAfterWrite(spec.refreshAfterWrite());
        }
        return new NamedLoadingCache<>(owner, name, spec, builder.build(NamedCache.nonNullLoader(name, loader)::apply));
    }

    private Caffeine<Object, Object> builder(CacheSpec spec) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(spec.maximumSize()).ticker(ticker)
                .executor(executor).recordStats();
        if (spec.expireAfterWrite() != null) {
            builder.expireAfterWrite(spec.expireAfterWrite());
        }
        return builder;
    }
}
