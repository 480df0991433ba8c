package org.milkbottle.core.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars that hold a manifest and nothing else, for tests that install them into a real Felix. */
public final class ManifestOnlyBundles {

    private ManifestOnlyBundles() {
    }

    /** A bundle {@code symbolicName} 1.0.0 with {@code headers} besides. */
    public static InputStream bundle(String symbolicName, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new JarOutputStream(buffer, manifest).close();
        return new ByteArrayInputStream(buffer.toByteArray());
    }
}
