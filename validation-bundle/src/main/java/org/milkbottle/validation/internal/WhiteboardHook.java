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
 * <p>The whiteboard reads a service's properties when it takes the service, after this hook has judged them: a
 * plugin changing them in between (from a service listener of its own that hears of the registration first) would
 * be served at the path it changed to. So a change that breaks the rule, of a service the whiteboard may have taken,
 * is not passed on and the plugin is stopped: its services go, and the whiteboard with them. An unregistration is
 * always passed on, so that nothing stale stays served.
 */
@Component(service = {FindHook.class, EventListenerHook.class}, immediate = true)
public class WhiteboardHook implements FindHook, EventListenerHook {

    private static final System.Logger LOG = System.getLogger(WhiteboardHook.class.getName());

    /** The services already reported, so that the log says it once per service. */
    private final Set<Object> reported = ConcurrentHashMap.newKeySet();

    /** Confined plugins' whiteboard services that were let through: the whiteboard may have taken them. */
    private final Set<Object> letThrough = ConcurrentHashMap.newKeySet();

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle finder = context.getBundle();
        references.removeIf(reference -> reference.getBundle() != finder && refused(reference));
        references.stream().filter(WhiteboardConfinement::isConfinedWhiteboardService)
                .forEach(reference -> letThrough.add(reference.getProperty(Constants.SERVICE_ID)));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        Object id = reference.getProperty(Constants.SERVICE_ID);
        if (event.getType() == ServiceEvent.UNREGISTERING) {
            reported.remove(id);
            letThrough.remove(id);
            return;
        }
        if (!refused(reference)) {
            if (WhiteboardConfinement.isConfinedWhiteboardService(reference)) {
                letThrough.add(id);
            }
            return;
        }
        Bundle registrar = reference.getBundle();
        listeners.keySet().removeIf(context -> context.getBundle() != registrar);
        if (event.getType() == ServiceEvent.MODIFIED && letThrough.remove(id) && registrar != null) {
            stop(registrar, id);
        }
    }

    /** Stops a plugin that changed a service the whiteboard may have taken so that it breaks the rule. */
    private static void stop(Bundle plugin, Object serviceId) {
        LOG.log(System.Logger.Level.ERROR, "Stopping " + plugin.getSymbolicName() + ": it changed its service "
                + serviceId + " on the web server so that it breaks the rule, after the web server could take it. "
                + "Start it again (mb:start) once it is fixed; see docs/security.md, The runtime's web server.");
        // not on this thread: the change is being made by the plugin's own code, maybe inside its start
        Thread stopper = new Thread(() -> {
            try {
                plugin.stop();
            } catch (org.osgi.framework.BundleException | IllegalStateException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not stop " + plugin.getSymbolicName() + ": " + e);
            }
        }, "milkbottle-whiteboard-stop");
        stopper.setDaemon(true);
        stopper.start();
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
