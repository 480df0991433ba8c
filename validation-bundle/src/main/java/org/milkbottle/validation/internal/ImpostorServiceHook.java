package org.milkbottle.validation.internal;

import java.util.Collection;
import java.util.Map;

import org.milkbottle.validation.api.ManagedLocation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Hides, from every bundle, a service of one of the runtime's own service types that a bundle installed through
 * MilkBottle registered. The runtime's bundles use the perf bundle's services (caches, the task executor, the
 * monitor) through optional references that take whichever such service comes first: a plugin, which starts
 * before the perf bundle, could otherwise register its own {@code CacheManager} and be handed the validator's
 * findings cache (and replay a harmless jar's findings for its own), or its own {@code TaskExecutor} and be handed
 * the runtime's work. Hiding by who registered the service, not by what it claims, holds whatever the plugin
 * does; only the runtime's bundles (present before MilkBottle installed anything, or installed by its embedder)
 * can provide these types.
 */
@Component(service = {FindHook.class, EventListenerHook.class}, immediate = true)
public class ImpostorServiceHook implements FindHook, EventListenerHook {

    /** The packages whose service types only the runtime's bundles may register. */
    static final String RUNTIME_ONLY_PACKAGE = "org.milkbottle.perf.api.";

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        references.removeIf(ImpostorServiceHook::isImpostor);
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (isImpostor(event.getServiceReference())) {
            listeners.clear();
        }
    }

    static boolean isImpostor(ServiceReference<?> reference) {
        if (reference.getBundle() == null || !ManagedLocation.isManaged(reference.getBundle())) {
            return false;
        }
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        if (classes instanceof String[] names) {
            for (String name : names) {
                if (name.startsWith(RUNTIME_ONLY_PACKAGE)) {
                    return true;
                }
            }
        }
        return false;
    }
}
