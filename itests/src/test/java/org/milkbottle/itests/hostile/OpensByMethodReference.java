package org.milkbottle.itests.hostile;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Opens private fields through a method reference to AccessibleObject::setAccessible. */
public class OpensByMethodReference implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        BiConsumer<AccessibleObject, Boolean> open = AccessibleObject::setAccessible;
        Marks.left(context.getBundle().getSymbolicName());
        for (Field field : context.getClass().getDeclaredFields()) {
            open.accept(field, true);
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
