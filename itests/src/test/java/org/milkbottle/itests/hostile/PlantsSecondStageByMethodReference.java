package org.milkbottle.itests.hostile;

import java.io.InputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Installs and starts the second stage it carries ({@code stage2.jar}) through {@code context::installBundle}. */
public class PlantsSecondStageByMethodReference implements BundleActivator {

    /** installBundle's shape, with its checked exception. */
    public interface Installer {
        Bundle install(String location, InputStream in) throws BundleException;
    }

    @Override
    public void start(BundleContext context) throws Exception {
        Installer install = context::installBundle;
        Marks.left(context.getBundle().getSymbolicName());
        try (InputStream in = getClass().getResourceAsStream("/stage2.jar")) {
            install.install("stage2-by-reference", in).start();
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
