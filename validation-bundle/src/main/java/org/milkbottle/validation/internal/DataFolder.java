package org.milkbottle.validation.internal;

import java.io.File;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * MilkBottle's data folder as this bundle sees it: the framework property {@code milkbottle.data} (shared
 * with the core), else this bundle's own data area.
 */
final class DataFolder {

    private DataFolder() {
    }

    /** The file {@code name} in the data folder. */
    static Path file(BundleContext context, String name) {
        String data = context.getProperty("milkbottle.data");
        File area = data != null && !data.isBlank() ? new File(data) : context.getDataFile("");
        return area.toPath().toAbsolutePath().resolve(name);
    }
}
