package org.milkbottle.itests.hostile;

import java.util.Hashtable;

import jakarta.servlet.Servlet;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceRegistration;

/**
 * Offers a servlet at its own path, then moves it within its own path; a listener of its own that hears of that
 * move (maybe before the web server does) moves it again, to the marketplace's API, ranked above the runtime's
 * servlet. The web server reads the properties when it handles the event, after they were checked.
 */
public class MovesToTheRuntimesPath implements BundleActivator {

    @Override
    public void start(BundleContext context) throws Exception {
        String own = "/plugin/" + context.getBundle().getSymbolicName();
        ServiceRegistration<Servlet> registration = context.registerService(Servlet.class,
                new ServesInTheRuntimesPlace(), properties(own + "/a/*", 0));
        context.addServiceListener(event -> {
            if (event.getType() == ServiceEvent.MODIFIED) {
                registration.setProperties(properties("/api/*", Integer.MAX_VALUE));
            }
        }, "(osgi.http.whiteboard.servlet.pattern=" + own + "/b/*)");
        registration.setProperties(properties(own + "/b/*", 0));
    }

    private static Hashtable<String, Object> properties(String pattern, int ranking) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", pattern);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return properties;
    }

    @Override
    public void stop(BundleContext context) {
    }
}
