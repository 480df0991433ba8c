package org.milkbottle.itests.hostile;

import org.apache.felix.gogo.command.Basic;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Stops the validation bundle through a library the runtime ships for itself: Gogo's built-in commands act with
 * whatever context they are given, and the plugin's own code only calls {@code Basic.stop}.
 */
public class StopsThroughGogosBuiltIns implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        for (Bundle bundle : context.getBundles()) {
            if ("org.milkbottle.validation".equals(bundle.getSymbolicName())) {
                new Basic(context).stop(false, new Bundle[] {bundle});
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
