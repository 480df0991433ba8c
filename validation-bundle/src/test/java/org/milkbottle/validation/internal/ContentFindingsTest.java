package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.LoadingPluginCache;
import org.milkbottle.perf.api.PluginCache;
import org.junit.jupiter.api.Test;

class ContentFindingsTest {

    private final Map<String, Object> store = new HashMap<>();
    /** The perf bundle dropped the cache (it stopped, or was updated): every use throws, as its caches do then. */
    private volatile boolean dropped;
    private final ContentFindings findings = new ContentFindings();
    private final AtomicInteger scans = new AtomicInteger();
    private final ContentFindings.Result clean = new ContentFindings.Result(List.of(), Map.of());

    ContentFindingsTest() {
        findings.use(new MapCaches());
    }

    private ContentFindings.Result scan() {
        scans.incrementAndGet();
        return clean;
    }

    @Test
    void aKnownJarUnderTheSameLimitsCostsALookup() {
        ContentFindings.Rules rules = new ContentFindings.Rules("limits-a", List.of());
        findings.of("sha1", rules, this::scan, () -> true);
        findings.of("sha1", rules, this::scan, () -> true);
        assertThat(scans).hasValue(1);
    }

    @Test
    void otherLimitsScanAgain() {
        findings.of("sha1", new ContentFindings.Rules("limits-a", List.of()), this::scan, () -> true);
        findings.of("sha1", new ContentFindings.Rules("limits-b", List.of()), this::scan, () -> true);
        assertThat(scans).hasValue(2);
    }

    @Test
    void aFileThatChangedWhileItWasReadIsNotKeptUnderItsOldDigest() {
        ContentFindings.Rules rules = new ContentFindings.Rules("limits-a", List.of());
        findings.of("sha1", rules, this::scan, () -> false);
        findings.of("sha1", rules, this::scan, () -> true);
        assertThat(scans).hasValue(2);
        assertThat(store).hasSize(1);
    }

    @Test
    void noDigestOrNoCacheMeansAScanEveryTime() {
        ContentFindings.Rules rules = new ContentFindings.Rules("limits-a", List.of());
        findings.of(null, rules, this::scan, () -> true);
        findings.of(null, rules, this::scan, () -> true);
        findings.release();
        findings.of("sha1", rules, this::scan, () -> true);
        findings.of("sha1", rules, this::scan, () -> true);
        assertThat(scans).hasValue(4);
        assertThat(store).isEmpty();
    }

    @Test
    void aCacheDroppedUnderTheValidatorIsAMissNotAnError() {
        ContentFindings.Rules rules = new ContentFindings.Rules("limits-a", List.of());
        dropped = true; // the perf bundle stops while a jar is judged (seen at shutdown, while the marketplace seeds)
        assertThat(findings.of("sha1", rules, this::scan, () -> true)).isSameAs(clean);
        assertThat(findings.of("sha1", rules, this::scan, () -> true)).isSameAs(clean);
        assertThat(scans).hasValue(2);
        assertThat(store).isEmpty();
    }

    /** A plain map behind the cache interface: what the perf bundle's Caffeine caches do, minus eviction. */
    private final class MapCaches implements CacheManager {
        @Override
        @SuppressWarnings("unchecked")
        public <K, V> PluginCache<K, V> cache(String name, CacheSpec spec) {
            return new PluginCache<>() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public V get(K key, Function<? super K, ? extends V> loader) {
                    return (V) store.computeIfAbsent((String) key, k -> loader.apply(key));
                }

                @Override
                public Optional<V> getIfPresent(K key) {
                    checkUsable();
                    return Optional.ofNullable((V) store.get((String) key));
                }

                @Override
                public void put(K key, V value) {
                    checkUsable();
                    store.put((String) key, value);
                }

                private void checkUsable() {
                    if (dropped) {
                        throw new IllegalStateException("cache '" + name + "' was dropped");
                    }
                }

                @Override
                public void invalidate(K key) {
                    store.remove((String) key);
                }

                @Override
                public void invalidateAll() {
                    store.clear();
                }

                @Override
                public CacheStatistics statistics() {
                    return new CacheStatistics("validation", 1, name, store.size(), spec.maximumSize(), 0, 0, 0, 0);
                }
            };
        }

        @Override
        public <K, V> LoadingPluginCache<K, V> loadingCache(String name, CacheSpec spec,
                Function<? super K, ? extends V> loader) {
            throw new IllegalStateException("the validator uses no loading cache");
        }

        @Override
        public void remove(String name) {
            store.clear();
        }

        @Override
        public List<CacheStatistics> statistics() {
            return List.of();
        }
    }
}
