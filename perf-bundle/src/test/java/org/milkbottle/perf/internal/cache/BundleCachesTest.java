package org.milkbottle.perf.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.milkbottle.perf.api.CacheLimitException;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.LoadingPluginCache;
import org.milkbottle.perf.api.PluginCache;
import org.junit.jupiter.api.Test;

class BundleCachesTest {

    private final FakeTicker ticker = new FakeTicker();
    // Caffeine's maintenance and refreshes on the calling thread: each step is finished when the call returns.
    private final CacheRegistry registry = new CacheRegistry(new CacheLimits(3, 1000),
            new CacheFactory(ticker, Runnable::run));
    private final BundleCaches a = registry.open(10, "com.acme.a");
    private final BundleCaches b = registry.open(11, "com.acme.b");

    @Test
    void twoBundlesWithTheSameCacheNameHoldDifferentValues() {
        a.<String, String>cache("users", CacheSpec.ofSize(10)).put("k", "from a");
        b.<String, String>cache("users", CacheSpec.ofSize(10)).put("k", "from b");

        assertThat(a.<String, String>cache("users", CacheSpec.ofSize(10)).getIfPresent("k")).contains("from a");
        assertThat(b.<String, String>cache("users", CacheSpec.ofSize(10)).getIfPresent("k")).contains("from b");
        assertThat(a.statistics()).extracting(CacheStatistics::bundle, CacheStatistics::bundleId, CacheStatistics::size)
                .containsExactly(tuple("com.acme.a", 10L, 1L));
        assertThat(b.statistics()).extracting(CacheStatistics::bundle).containsExactly("com.acme.b");
    }

    @Test
    void theInspectorSeesEveryBundlesCachesByBundleThenName() {
        b.cache("zeta", CacheSpec.ofSize(1));
        a.cache("zeta", CacheSpec.ofSize(1));
        a.cache("alpha", CacheSpec.ofSize(1));

        assertThat(registry.statistics()).extracting(s -> s.bundle() + "/" + s.name())
                .containsExactly("com.acme.a/alpha", "com.acme.a/zeta", "com.acme.b/zeta");
    }

    @Test
    void sameNameAndSpecIsTheSameCache() {
        PluginCache<String, String> first = a.cache("c", CacheSpec.ofSize(5).expireAfterWrite(Duration.ofMinutes(1)));
        PluginCache<String, String> again = a.cache("c", CacheSpec.ofSize(5).expireAfterWrite(Duration.ofMinutes(1)));

        assertThat(again).isSameAs(first);
        assertThat(a.statistics()).hasSize(1);
    }

    @Test
    void sameNameWithAnotherSpecIsRefusedAndSaysWhy() {
        a.cache("c", CacheSpec.ofSize(5));

        assertThatThrownBy(() -> a.cache("c", CacheSpec.ofSize(6))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache 'c' of com.acme.a (bundle 10)").hasMessageContaining("maximumSize=5")
                .hasMessageContaining("maximumSize=6").hasMessageContaining("remove(\"c\")");
        assertThat(a.statistics()).extracting(CacheStatistics::maximumSize).containsExactly(5L);
    }

    @Test
    void loadingAndPlainCachesOfTheSameNameDoNotMix() {
        a.cache("plain", CacheSpec.ofSize(5));
        a.loadingCache("loading", CacheSpec.ofSize(5), k -> k);

        assertThatThrownBy(() -> a.loadingCache("plain", CacheSpec.ofSize(5), k -> k))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists as a cache without a loader but is asked for as a loading cache");
        assertThatThrownBy(() -> a.cache("loading", CacheSpec.ofSize(5))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists as a loading cache but is asked for as a cache without a loader");
    }

    @Test
    void tooManyCachesIsRefusedWithTheLimitAndHowToRaiseIt() {
        a.cache("one", CacheSpec.ofSize(1));
        a.cache("two", CacheSpec.ofSize(1));
        a.cache("three", CacheSpec.ofSize(1));

        assertThatThrownBy(() -> a.cache("four", CacheSpec.ofSize(1))).isInstanceOf(CacheLimitException.class)
                .hasMessageContaining("com.acme.a (bundle 10)").hasMessageContaining("'four'")
                .hasMessageContaining("cache number 4").hasMessageContaining("at most 3 caches")
                .hasMessageContaining("maxCachesPerBundle").hasMessageContaining("org.milkbottle.perf.cache");
        assertThat(a.statistics()).extracting(CacheStatistics::name).containsExactly("one", "three", "two");
        // The limit is per bundle: another bundle is not affected by a's caches.
        b.cache("four", CacheSpec.ofSize(1));
    }

    @Test
    void tooManyEntriesIsRefusedWithTheFiguresAndHowToRaiseIt() {
        a.cache("big", CacheSpec.ofSize(600));

        assertThatThrownBy(() -> a.cache("more", CacheSpec.ofSize(500))).isInstanceOf(CacheLimitException.class)
                .hasMessageContaining("com.acme.a (bundle 10)").hasMessageContaining("'more' of 500 entries")
                .hasMessageContaining("makes 1100").hasMessageContaining("at most 1000 entries")
                .hasMessageContaining("maxEntriesPerBundle").hasMessageContaining("org.milkbottle.perf.cache");
        assertThat(a.statistics()).extracting(CacheStatistics::name).containsExactly("big");

        a.remove("big");
        assertThat(a.cache("more", CacheSpec.ofSize(500)).name()).isEqualTo("more");
    }

    @Test
    void nullKeysAndValuesAreRefusedWithTheCacheNamed() {
        PluginCache<String, String> cache = a.cache("c", CacheSpec.ofSize(5));
        LoadingPluginCache<String, String> loading = a.loadingCache("l", CacheSpec.ofSize(5), k -> null);

        assertThatThrownBy(() -> cache.put(null, "v")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("cache 'c' of com.acme.a (bundle 10) cannot take a null key");
        assertThatThrownBy(() -> cache.put("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("cannot hold a null value (key k)");
        assertThatThrownBy(() -> cache.getIfPresent(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cache.get("k", k -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("the loader of cache 'c' returned null for key k");
        assertThatThrownBy(() -> loading.get("k")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("the loader of cache 'l' returned null for key k");
        assertThat(cache.getIfPresent("k")).isEmpty();
    }

    @Test
    void theLeastValuableEntriesGoBeyondTheSize() {
        PluginCache<String, Integer> cache = a.cache("c", CacheSpec.ofSize(2));
        cache.put("one", 1);
        cache.put("two", 2);
        cache.put("three", 3);
        cache.put("four", 4);

        CacheStatistics stats = cache.statistics();
        assertThat(stats.size()).isEqualTo(2);
        assertThat(stats.maximumSize()).isEqualTo(2);
        assertThat(stats.evictions()).isEqualTo(2);
    }

    @Test
    void hitsMissesAndHitRateAreCounted() {
        PluginCache<String, Integer> cache = a.cache("c", CacheSpec.ofSize(10));

        assertThat(cache.get("one", k -> 1)).isEqualTo(1); // a miss, computed and kept
        assertThat(cache.get("one", k -> 99)).isEqualTo(1); // a hit
        assertThat(cache.getIfPresent("one")).contains(1); // a hit
        assertThat(cache.getIfPresent("two")).isEmpty(); // a miss

        CacheStatistics stats = cache.statistics();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.hitRate()).isEqualTo(0.5);
        assertThat(stats.size()).isEqualTo(1);
        assertThat(stats.evictions()).isZero();
        assertThat(stats.loadFailures()).isZero();
    }

    @Test
    void entriesExpireAfterWriteOnTheCachesClock() {
        PluginCache<String, String> cache = a.cache("c", CacheSpec.ofSize(5).expireAfterWrite(Duration.ofMinutes(10)));
        cache.put("k", "v");

        ticker.advance(Duration.ofMinutes(9));
        assertThat(cache.getIfPresent("k")).contains("v");
        ticker.advance(Duration.ofMinutes(2));
        assertThat(cache.getIfPresent("k")).isEmpty();

        assertThat(cache.statistics().size()).isZero();
        assertThat(cache.statistics().evictions()).isEqualTo(1);
    }

    @Test
    void aLoadingCacheRefreshesOldEntries() {
        AtomicInteger loads = new AtomicInteger();
        LoadingPluginCache<String, String> cache = a.loadingCache("l",
                CacheSpec.ofSize(5).refreshAfterWrite(Duration.ofMinutes(1)), k -> k + loads.incrementAndGet());

        assertThat(cache.get("v")).isEqualTo("v1");
        assertThat(cache.get("v")).isEqualTo("v1");
        ticker.advance(Duration.ofMinutes(2));
        cache.get("v"); // reads an old entry: triggers the refresh
        assertThat(cache.get("v")).isEqualTo("v2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aPlainCacheIgnoresRefreshAsTheApiSays() {
        PluginCache<String, String> cache = a.cache("c", CacheSpec.ofSize(5).refreshAfterWrite(Duration.ofMinutes(1)));
        cache.put("k", "v");
        ticker.advance(Duration.ofMinutes(2));
        assertThat(cache.getIfPresent("k")).contains("v");
    }

    @Test
    void loadFailuresAreCounted() {
        LoadingPluginCache<String, String> cache = a.loadingCache("l", CacheSpec.ofSize(5), k -> {
            throw new IllegalArgumentException("no " + k);
        });

        assertThatThrownBy(() -> cache.get("x")).isInstanceOf(IllegalArgumentException.class).hasMessage("no x");
        assertThat(cache.statistics().loadFailures()).isEqualTo(1);
        assertThat(cache.statistics().misses()).isEqualTo(1);
    }

    @Test
    void aRemovedCacheIsEmptyAndRefusesUse() {
        PluginCache<String, String> cache = a.cache("c", CacheSpec.ofSize(5));
        cache.put("k", "v");

        a.remove("c");

        assertThat(a.statistics()).isEmpty();
        assertThatThrownBy(() -> cache.getIfPresent("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was dropped");
        assertThat(a.<String, String>cache("c", CacheSpec.ofSize(5)).getIfPresent("k")).isEmpty();
    }

    @Test
    void concurrentRequestsForOneNameGetOneCacheAndOneLoad() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger loads = new AtomicInteger();
            List<Future<PluginCache<String, String>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    PluginCache<String, String> cache = a.cache("shared", CacheSpec.ofSize(5));
                    cache.get("k", k -> "v" + loads.incrementAndGet());
                    return cache;
                }));
            }
            go.countDown();
            PluginCache<String, String> first = futures.get(0).get(10, TimeUnit.SECONDS);
            for (Future<PluginCache<String, String>> future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(loads).hasValue(1);
            assertThat(first.getIfPresent("k")).isEqualTo(Optional.of("v1"));
        } finally {
            pool.shutdownNow();
        }
    }
}
