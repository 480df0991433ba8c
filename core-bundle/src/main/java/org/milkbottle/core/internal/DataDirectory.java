package org.milkbottle.core.internal;

import java.io.File;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/**
 * Where MilkBottle keeps its state: the framework property {@value #PROPERTY} if set, else the core
 * bundle's data area inside the framework storage, so that a fresh framework starts with fresh state.
 */
public final class DataDirectory {

    /** Framework (or system) property naming the data directory. */
    static final String PROPERTY = "milkbottle.data";

    private DataDirectory() {
    }

    public static Path of(BundleContext context) {
        String configured = context.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        File area = context.getDataFile("milkbottle");
        if (area == null) {
            throw new IllegalStateException("the framework has no persistent storage; set " + PROPERTY);
        }
        return area.toPath();
    }
}
