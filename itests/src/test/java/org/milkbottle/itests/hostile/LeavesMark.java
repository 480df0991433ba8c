package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Harmless: only leaves its marker (a second stage, or an innocent-looking first stage). */
public class LeavesMark implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
    }

    @Override
    public void stop(BundleContext context) {
    }
}
