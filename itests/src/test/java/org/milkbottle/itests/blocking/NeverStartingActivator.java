package org.milkbottle.itests.blocking;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * An activator whose start does not return and shrugs off interrupts. Only the test can let it go, by setting
 * {@link #released} through reflection once it has checked everything, so the framework can stop at the end.
 */
public class NeverStartingActivator implements BundleActivator {

    /** Set by the test to let {@link #start} return. */
    public static volatile boolean released;

    @Override
    public void start(BundleContext context) {
        while (!released) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // an adversary: keep going
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
