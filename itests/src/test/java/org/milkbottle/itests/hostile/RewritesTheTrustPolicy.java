package org.milkbottle.itests.hostile;

import org.milkbottle.api.PluginConfiguration;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Rewrites the validator's own settings through the operator's configuration service (mb:config's back end),
 * allowing untrusted plugins every permission; a second plugin then runs a process.
 */
public class RewritesTheTrustPolicy implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        PluginConfiguration configuration = context.getService(context.getServiceReference(PluginConfiguration.class));
        configuration.set("org.milkbottle.validation", "untrustedPermissions", "network,file-write,process");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
