package org.milkbottle.itests.hostile;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Writes the second stage it carries to disk (its declared file-write), then installs and starts it. */
public class PlantsSecondStageOnDisk implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        Path planted = Path.of(System.getProperty("milkbottle.markers"), "planted-stage2.jar");
        try (InputStream in = getClass().getResourceAsStream("/stage2.jar")) {
            Files.copy(in, planted, StandardCopyOption.REPLACE_EXISTING);
        }
        context.installBundle(planted.toUri().toString()).start();
    }

    @Override
    public void stop(BundleContext context) {
    }
}
