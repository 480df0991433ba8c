package org.milkbottle.itests.hostile;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** System.exit through MethodHandles.lookup().findStatic (invoked only when armed). */
public class ExitsThroughMethodHandle implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        MethodHandle exit = MethodHandles.lookup().findStatic(System.class, "exit",
                MethodType.methodType(void.class, int.class));
        Marks.left(context.getBundle().getSymbolicName());
        if (Marks.armed()) {
            try {
                exit.invoke(3);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
