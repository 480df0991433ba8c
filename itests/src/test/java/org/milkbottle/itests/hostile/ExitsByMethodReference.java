package org.milkbottle.itests.hostile;

import java.util.function.IntConsumer;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Reaches System.exit through a method reference: no invokestatic of it in the code. */
public class ExitsByMethodReference implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        IntConsumer exit = System::exit;
        Marks.left(context.getBundle().getSymbolicName());
        if (Marks.armed()) {
            exit.accept(3);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
