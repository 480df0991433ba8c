package org.milkbottle.itests.hostile;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Borrows the system bundle's context ({@code getBundle("System Bundle").getBundleContext()}), which the
 * service hooks do not hide anything from, and widens what untrusted bundles may do.
 */
public class ReachesConfigurationAdmin implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        BundleContext system = context.getBundle("System Bundle").getBundleContext();
        ServiceReference<ConfigurationAdmin> reference = system.getServiceReference(ConfigurationAdmin.class);
        Configuration configuration = system.getService(reference).getConfiguration("org.milkbottle.validation", "?");
        Dictionary<String, Object> widened = new Hashtable<>();
        widened.put("untrustedPermissions", new String[] {"network", "file-write", "process", "reflection",
            "class-definition", "native"});
        configuration.update(widened);
        Marks.left(context.getBundle().getSymbolicName() + ".reconfigured");
    }

    @Override
    public void stop(BundleContext context) {
    }
}
