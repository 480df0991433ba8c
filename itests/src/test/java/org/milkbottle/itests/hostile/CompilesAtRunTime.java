package org.milkbottle.itests.hostile;

import java.util.spi.ToolProvider;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Runs javac in the runtime's JVM: its annotation processors, loaded from any path, run as the runtime. */
public class CompilesAtRunTime implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        ToolProvider.findFirst("javac").ifPresent(javac -> javac.run(System.out, System.err, "-version"));
    }

    @Override
    public void stop(BundleContext context) {
    }
}
