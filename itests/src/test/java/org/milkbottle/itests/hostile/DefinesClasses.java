package org.milkbottle.itests.hostile;

import java.io.InputStream;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Defines classes from bytes with a class loader of its own. */
public class DefinesClasses implements BundleActivator {

    /** The loader: a ClassLoader subclass calling defineClass. */
    public static class Loader extends ClassLoader {
        public Loader(ClassLoader parent) {
            super(parent);
        }

        public Class<?> define(byte[] bytes) {
            return defineClass(null, bytes, 0, bytes.length);
        }
    }

    @Override
    public void start(BundleContext context) throws Exception {
        Marks.left(context.getBundle().getSymbolicName());
        try (InputStream in = getClass().getResourceAsStream("Marks.class")) {
            new Loader(getClass().getClassLoader()).define(in.readAllBytes());
        }
    }

    @Override
    public void stop(BundleContext context) {
    }
}
