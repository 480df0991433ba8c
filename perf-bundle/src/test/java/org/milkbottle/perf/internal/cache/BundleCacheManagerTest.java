package org.milkbottle.perf.internal.cache;

import org.milkbottle.perf.testing.UsingBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.PluginCache;
import org.junit.jupiter.api.Test;

/** The bundle-scoped component: one per using bundle, and its release drops that bundle's caches only. */
class BundleCacheManagerTest {

    private final CacheRegistry registry = new CacheRegistry(CacheLimits.DEFAULT, new CacheFactory());

    @Test
    void eachUsingBundleGetsItsOwnCaches() {
        BundleCacheManager a = new BundleCacheManager(registry, UsingBundle.context(5, "com.acme.a"));
        BundleCacheManager b = new BundleCacheManager(registry, UsingBundle.context(6, "com.acme.b"));

        a.<String, String>cache("c", CacheSpec.ofSize(10)).put("k", "a");
        b.<String, String>cache("c", CacheSpec.ofSize(10)).put("k", "b");

        assertThat(a.<String, String>cache("c", CacheSpec.ofSize(10)).getIfPresent("k")).contains("a");
        assertThat(a.statistics()).extracting(CacheStatistics::bundleId).containsExactly(5L);
        assertThat(b.statistics()).extracting(CacheStatistics::bundleId).containsExactly(6L);
        assertThat(registry.statistics()).extracting(CacheStatistics::bundle).containsExactly("com.acme.a",
                "com.acme.b");
    }

    @Test
    void releasingTheServiceDropsOnlyThatBundlesCaches() {
        BundleCacheManager a = new BundleCacheManager(registry, UsingBundle.context(5, "com.acme.a"));
        BundleCacheManager b = new BundleCacheManager(registry, UsingBundle.context(6, "com.acme.b"));
        PluginCache<String, String> cacheOfA = a.cache("c", CacheSpec.ofSize(10));
        cacheOfA.put("k", "a");
        b.<String, String>cache("c", CacheSpec.ofSize(10)).put("k", "b");

        a.deactivate();

        assertThat(registry.statistics()).extracting(CacheStatistics::bundle).containsExactly("com.acme.b");
        assertThatThrownBy(() -> cacheOfA.getIfPresent("k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("com.acme.a (bundle 5)");
        assertThatThrownBy(() -> a.cache("c", CacheSpec.ofSize(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released its CacheManager");
        assertThat(b.<String, String>cache("c", CacheSpec.ofSize(10)).getIfPresent("k")).contains("b");

        // The bundle started again: a new instance, no caches left from before.
        BundleCacheManager again = new BundleCacheManager(registry, UsingBundle.context(5, "com.acme.a"));
        assertThat(again.statistics()).isEmpty();
        assertThat(again.<String, String>cache("c", CacheSpec.ofSize(10)).getIfPresent("k")).isEmpty();
    }

    @Test
    void aBundleWithoutSymbolicNameIsNamedByItsId() {
        BundleCacheManager legacy = new BundleCacheManager(registry, UsingBundle.context(9, null));
        legacy.cache("c", CacheSpec.ofSize(1));

        assertThat(registry.statistics()).extracting(CacheStatistics::bundle).containsExactly("bundle-9");
    }

    @Test
    void deactivatingTheRegistryDropsEveryBundlesCaches() {
        BundleCacheManager a = new BundleCacheManager(registry, UsingBundle.context(5, "com.acme.a"));
        PluginCache<String, String> cache = a.cache("c", CacheSpec.ofSize(10));

        registry.deactivate();

        assertThat(registry.statistics()).isEmpty();
        assertThatThrownBy(() -> cache.put("k", "v")).isInstanceOf(IllegalStateException.class);
    }
}
