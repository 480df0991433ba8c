package org.milkbottle.itests.hostile;

import java.net.URL;

import javax.management.loading.MLet;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Creates an MLet: a class loader that loads code from any URL. */
@SuppressWarnings("removal")
public class CreatesAnMLet implements BundleActivator {
    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        try (MLet loader = new MLet(new URL[0], getClass().getClassLoader())) {
            loader.addURL("file:/nonexistent/second-stage.jar");
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
