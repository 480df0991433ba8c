package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Loads a native library (there is none of that name: the attempt is what counts). */
public class LoadsNativeCode implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        try {
            System.loadLibrary("milkbottlehostile");
        } catch (UnsatisfiedLinkError expected) {
            // an attacker ships the library
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
