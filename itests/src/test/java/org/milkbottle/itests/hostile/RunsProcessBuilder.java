package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Starts a process with ProcessBuilder. */
public class RunsProcessBuilder implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        new ProcessBuilder("true").start().waitFor();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
