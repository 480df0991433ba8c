package org.milkbottle.itests.hostile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Runtime.exec through MethodHandles.Lookup.bind on the Runtime. */
public class ExecsThroughBoundHandle implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        MethodHandle exec = MethodHandles.lookup().bind(Runtime.getRuntime(), "exec",
                MethodType.methodType(Process.class, String[].class));
        try {
            Process process = (Process) exec.invoke(new String[] {"true"});
            process.waitFor();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
