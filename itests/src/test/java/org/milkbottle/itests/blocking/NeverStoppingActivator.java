package org.milkbottle.itests.blocking;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** An activator that starts at once but whose stop does not return and shrugs off interrupts. */
public class NeverStoppingActivator implements BundleActivator {

    /** Set by the test to let {@link #stop} return. */
    public static volatile boolean released;

    @Override
    public void start(BundleContext context) {
    }

    @Override
    public void stop(BundleContext context) {
        while (!released) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // an adversary: keep going
            }
        }
    }
}
