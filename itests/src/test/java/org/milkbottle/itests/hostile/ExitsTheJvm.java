package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Ends the JVM (only when armed, which a test never does: the marker shows the veto failed). */
public class ExitsTheJvm implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        if (Marks.armed()) {
            System.exit(3);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
