package org.milkbottle.perf.internal.cache;

import java.util.List;
import java.util.function.Function;

import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.LoadingPluginCache;
import org.milkbottle.perf.api.PluginCache;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link CacheManager} a bundle gets: one instance per bundle (bundle scope), over that bundle's caches in
 * the {@link CacheRegistry}. SCR deactivates it when the bundle releases the service, by ungetting it or by
 * stopping, which is when the bundle's caches are dropped.
 */
@Component(service = CacheManager.class, scope = ServiceScope.BUNDLE)
public class BundleCacheManager implements CacheManager {

    private final CacheRegistry registry;
    private final BundleCaches caches;

    @Activate
    public BundleCacheManager(@Reference CacheRegistry registry, ComponentContext context) {
        Bundle user = context.getUsingBundle();
        this.registry = registry;
        this.caches = registry.open(user.getBundleId(), user.getSymbolicName());
    }

    @Deactivate
    void deactivate() {
        registry.close(caches);
    }

    @Override
    public <K, V> PluginCache<K, V> cache(String name, CacheSpec spec) {
        return caches.cache(name, spec);
    }

    @Override
    public <K, V> LoadingPluginCache<K, V> loadingCache(String name, CacheSpec spec,
            Function<? super K, ? extends V> loader) {
        return caches.loadingCache(name, spec, loader);
    }

    @Override
    public void remove(String name) {
        caches.remove(name);
    }

    @Override
    public List<CacheStatistics> statistics() {
        return caches.statistics();
    }
}
