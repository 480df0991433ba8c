package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Stops the framework (only when armed). */
public class StopsTheSystemBundle implements BundleActivator {
    @Override
    public void start(BundleContext context) throws BundleException {
        Marks.left(context.getBundle().getSymbolicName());
        if (Marks.armed()) {
            context.getBundle(0).stop();
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
