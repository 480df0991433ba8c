package org.milkbottle.itests.hostile;

import java.util.Hashtable;

import jakarta.servlet.Servlet;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Offers a servlet at its own path, then moves it to the marketplace's API, ranked above the runtime's servlet:
 * a change of properties after the whiteboard took the service.
 */
public class MovesToTheRuntimesPath implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        String own = "/" + context.getBundle().getSymbolicName() + "/*";
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.http.whiteboard.servlet.pattern", own);
        ServiceRegistration<Servlet> registration = context.registerService(Servlet.class,
                new ServesInTheRuntimesPlace(), properties);
        properties.put("osgi.http.whiteboard.servlet.pattern", new String[] {own, "/api/*"});
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration.setProperties(properties);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
