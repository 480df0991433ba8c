package org.milkbottle.itests.hostile;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Replaces JVM-wide state: the security manager (set to none, which changes nothing in a test JVM). */
@SuppressWarnings("removal")
public class ReplacesTheSecurityManager implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        try {
            System.setSecurityManager(null);
        } catch (UnsupportedOperationException e) {
            // a JVM started with -Djava.security.manager=disallow
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
