package org.milkbottle.itests.hostile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Uninstalls another plugin (the example plugin the test installed first). */
public class UninstallsABundle implements BundleActivator {
    @Override
    public void start(BundleContext context) throws BundleException {
        Marks.left(context.getBundle().getSymbolicName());
        for (Bundle bundle : context.getBundles()) {
            if ("org.milkbottle.example.hello".equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
