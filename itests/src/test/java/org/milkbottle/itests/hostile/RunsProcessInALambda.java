package org.milkbottle.itests.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Starts a process from inside a lambda (a synthetic method). */
public class RunsProcessInALambda implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Runnable act = () -> {
            try {
                Runtime.getRuntime().exec(new String[] {"true"});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Marks.left(context.getBundle().getSymbolicName());
        act.run();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
