package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Innocent-looking: calls {@link Payload}, whichever one the bundle class path finds. */
public class RunsPayload implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        new Payload().run(context.getBundle().getSymbolicName());
    }

    @Override
    public void stop(BundleContext context) {
    }
}
