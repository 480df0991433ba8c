package org.milkbottle.itests.hostile;

import java.util.Collection;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.wiring.BundleRevision;

/** Registers a resolver hook factory, which could rewire any bundle. */
public class RegistersAResolverHook implements BundleActivator, ResolverHookFactory {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        context.registerService(ResolverHookFactory.class, this, null);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return null;
    }
}
