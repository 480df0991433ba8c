package org.milkbottle.validation.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps a plugin's HTTP whiteboard services that break {@link WhiteboardConfinement} from the whiteboard: they
 * are hidden from every bundle but the plugin's own, so the runtime's web server never serves them. A plugin
 * with no permission at all could otherwise put a filter in front of the marketplace and read every publisher's
 * token, or answer {@code /repository/index.xml} in its place.
 *
 * <p>A service whose properties a plugin changes so that it breaks the rule keeps what the whiteboard took from
 * it before (the change is not passed on); its unregistration always is, so that nothing stale stays served.
 */
@Component(service = {FindHook.class, EventListenerHook.class}, immediate = true)
public class WhiteboardHook implements FindHook, EventListenerHook {

    private static final System.Logger LOG = System.getLogger(WhiteboardHook.class.getName());

    /** The services already reported, so that the log says it once per service. */
    private final Set<Object> reported = ConcurrentHashMap.newKeySet();

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle finder = context.getBundle();
        references.removeIf(reference -> reference.getBundle() != finder && refused(reference));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        if (event.getType() == ServiceEvent.UNREGISTERING || !refused(reference)) {
            if (event.getType() == ServiceEvent.UNREGISTERING) {
                reported.remove(reference.getProperty(Constants.SERVICE_ID));
            }
            return;
        }
        Bundle registrar = reference.getBundle();
        listeners.keySet().removeIf(context -> context.getBundle() != registrar);
    }

    private boolean refused(ServiceReference<?> reference) {
        Optional<String> refusal = WhiteboardConfinement.refusal(reference);
        if (refusal.isPresent() && reported.add(reference.getProperty(Constants.SERVICE_ID))) {
            Bundle registrar = reference.getBundle();
            LOG.log(System.Logger.Level.WARNING, "The web server does not serve service " + reference.getProperty(
                    Constants.SERVICE_ID) + " of " + (registrar == null ? "a stopped bundle" : registrar
                            .getSymbolicName()) + ": " + refusal.get() + ".");
        }
        return refusal.isPresent();
    }
}
