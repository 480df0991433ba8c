package org.milkbottle.itests.hostile;

import java.util.concurrent.Callable;
import java.util.function.Function;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Makes and starts a ProcessBuilder through a constructor and a method reference. */
public class StartsProcessByMethodReference implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Function<String[], ProcessBuilder> make = ProcessBuilder::new;
        Callable<Process> start = make.apply(new String[] {"true"})::start;
        Marks.left(context.getBundle().getSymbolicName());
        start.call().waitFor();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
