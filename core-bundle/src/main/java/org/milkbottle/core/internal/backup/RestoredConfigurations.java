package org.milkbottle.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.milkbottle.core.internal.DataDirectory;
import org.milkbottle.core.internal.config.ConfigurationsFile;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * At the first start after a restore: the configurations the backup took along ({@value #FILE} in the data folder)
 * go back into ConfigurationAdmin. The plugin manager depends on this component, so this happens before any plugin
 * starts; the file is deleted once applied.
 */
@Component(service = RestoredConfigurations.class)
public class RestoredConfigurations {

    /** Where a backup keeps the configurations, relative to the data folder. */
    static final String FILE = "restore/configurations.json";

    private static final System.Logger LOG = System.getLogger(RestoredConfigurations.class.getName());

    @Activate
    public RestoredConfigurations(BundleContext context, @Reference ConfigurationAdmin admin) {
        Path file = DataDirectory.of(context).resolve(FILE);
        if (Files.exists(file)) {
            try {
                int count = ConfigurationsFile.apply(admin, file);
                LOG.log(System.Logger.Level.INFO, "Restored " + count + " configuration(s) from the backup.");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot put back the configurations of the restored backup ("
                        + file + ")", e);
            }
        }
    }
}
