package org.milkbottle.itests.hostile;

import java.lang.reflect.Field;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Opens the framework's private fields behind its bundle context. */
public class OpensPrivateMembers implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        for (Field field : context.getClass().getDeclaredFields()) {
            field.setAccessible(true);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
