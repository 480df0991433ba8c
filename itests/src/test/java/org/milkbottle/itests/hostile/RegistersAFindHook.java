package org.milkbottle.itests.hostile;

import java.util.Collection;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.FindHook;

/** Registers a service find hook, which could hide any service from any bundle. */
public class RegistersAFindHook implements BundleActivator, FindHook {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        context.registerService(FindHook.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        // an attacker would remove the references other bundles look for
    }
}
