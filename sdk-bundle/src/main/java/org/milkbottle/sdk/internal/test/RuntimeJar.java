package org.milkbottle.sdk.internal.test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.milkbottle.sdk.api.SdkException;
import org.osgi.framework.BundleContext;

/** The jar this runtime was started from ({@code java -jar milkbottle.jar}), which a throwaway runtime starts too. */
final class RuntimeJar {

    /** Names the runtime jar where the class path does not (a runtime embedded in a test harness). */
    static final String PROPERTY = "milkbottle.launcher.jar";

    private RuntimeJar() {
    }

    static Path locate(BundleContext context) throws SdkException {
        String named = context.getProperty(PROPERTY);
        String classPath = System.getProperty("java.class.path", "");
        String candidate = named != null && !named.isBlank() ? named
                : !classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") ? classPath : null;
        if (candidate == null || !Files.isRegularFile(Path.of(candidate))) {
            throw new SdkException("mb:test starts a throwaway copy of this runtime from its jar, and this runtime was "
                    + "not started from one (java -jar milkbottle.jar)" + (named == null ? ""
                            : ", nor is there a jar at " + named) + "; start it from its jar, or set -D" + PROPERTY
                    + "=FILE.");
        }
        return Path.of(candidate).toAbsolutePath();
    }
}
