package org.milkbottle.perf.internal.cache;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.perf.api.CacheInspector;
import org.milkbottle.perf.api.CacheStatistics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Every bundle's caches: hands each bundle-scoped {@link BundleCacheManager} the caches of its bundle, and shows
 * them all to {@code mb:perf caches} and {@code /metrics}. A changed configuration applies to caches created
 * afterwards; existing caches are kept (the component is modified, not restarted, so no bundle loses its caches).
 */
@Component(service = {CacheInspector.class, CacheRegistry.class}, immediate = false,
        configurationPid = CacheConfig.PID)
@Designate(ocd = CacheConfig.class)
public class CacheRegistry implements CacheInspector {

    private final CacheFactory factory;
    private final Map<Long, BundleCaches> bundles = new ConcurrentHashMap<>();
    private volatile CacheLimits limits;

    @Activate
    public CacheRegistry(CacheConfig config) {
        this(CacheLimits.of(config), new CacheFactory());
    }

    CacheRegistry(CacheLimits limits, CacheFactory factory) {
        this.limits = limits;
        this.factory = factory;
    }

    @Modified
    void modified(CacheConfig config) {
        limits = CacheLimits.of(config);
    }

    @Deactivate
    void deactivate() {
        bundles.values().forEach(BundleCaches::release);
        bundles.clear();
    }

    /**
     * A new, empty set of caches for a bundle. Should an earlier set of the same bundle still be open (the
     * bundle got the service again before the old instance was deactivated), it is released: a bundle has one
     * set of caches at a time.
     */
    BundleCaches open(long bundleId, String symbolicName) {
        BundleCaches caches = new BundleCaches(new CacheOwner(bundleId, symbolicName), factory, () -> limits);
        BundleCaches previous = bundles.put(bundleId, caches);
        if (previous != null) {
            previous.release();
        }
        return caches;
    }

    /** Drops the bundle's caches. */
    void close(BundleCaches caches) {
        bundles.remove(caches.owner().bundleId(), caches);
        caches.release();
    }

    @Override
    public List<CacheStatistics> statistics() {
        return bundles.values().stream().flatMap(b -> b.statistics().stream())
                .sorted(Comparator.comparing(CacheStatistics::bundle).thenComparingLong(CacheStatistics::bundleId)
                        .thenComparing(CacheStatistics::name))
                .toList();
    }
}
