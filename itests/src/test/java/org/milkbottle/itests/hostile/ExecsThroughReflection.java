package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Runtime.exec looked up and invoked by name: the names are string constants. */
public class ExecsThroughReflection implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        Class<?> runtime = Class.forName("java.lang.Runtime");
        Object instance = runtime.getMethod("getRuntime").invoke(null);
        runtime.getMethod("exec", String[].class).invoke(instance, (Object) new String[] {"true"});
    }

    @Override
    public void stop(BundleContext context) {
    }
}
