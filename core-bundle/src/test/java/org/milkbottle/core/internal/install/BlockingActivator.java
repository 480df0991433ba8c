package org.milkbottle.core.internal.install;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Test bundles' activator: its start (or stop, with the header {@code Block: stop}) ignores interrupts and
 * returns only once the system property {@code release.SYMBOLIC-NAME} is set.
 */
public class BlockingActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        if (!"stop".equals(context.getBundle().getHeaders().get("Block"))) {
            block(context);
        }
    }

    @Override
    public void stop(BundleContext context) {
        if ("stop".equals(context.getBundle().getHeaders().get("Block"))) {
            block(context);
        }
    }

    private static void block(BundleContext context) {
        String key = "release." + context.getBundle().getSymbolicName();
        while (System.getProperty(key) == null) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ignored) {
                // an adversary
            }
        }
    }
}
