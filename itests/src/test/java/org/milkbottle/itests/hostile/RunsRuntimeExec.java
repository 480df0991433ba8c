package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Starts a process with Runtime.exec. */
public class RunsRuntimeExec implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        Runtime.getRuntime().exec(new String[] {"true"}).waitFor();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
