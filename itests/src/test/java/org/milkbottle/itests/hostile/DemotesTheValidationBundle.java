package org.milkbottle.itests.hostile;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Moves the validation bundle to a start level above the framework's, which stops it. */
public class DemotesTheValidationBundle implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        for (Bundle bundle : context.getBundles()) {
            if ("org.milkbottle.validation".equals(bundle.getSymbolicName())) {
                bundle.adapt(BundleStartLevel.class).setStartLevel(200);
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
