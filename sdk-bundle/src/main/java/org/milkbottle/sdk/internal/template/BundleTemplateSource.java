package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.osgi.framework.Bundle;

/** The templates inside the SDK bundle (its {@code templates/} folder). */
final class BundleTemplateSource implements TemplateSource {

    private static final String ROOT = "templates/";

    private final Bundle bundle;

    BundleTemplateSource(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    public List<String> files(String folder) {
        List<String> files = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(ROOT + folder, "*", true);
        String prefix = "/" + ROOT + folder + "/";
        while (entries != null && entries.hasMoreElements()) {
            String path = entries.nextElement().getPath();
            if (!path.endsWith("/") && path.startsWith(prefix)) {
                files.add(path.substring(prefix.length()));
            }
        }
        files.sort(null);
        return files;
    }

    @Override
    public byte[] read(String path) throws IOException {
        URL entry = bundle.getEntry(ROOT + path);
        if (entry == null) {
            throw new IOException("the SDK bundle has no " + ROOT + path);
        }
        try (InputStream in = entry.openStream()) {
            return in.readAllBytes();
        }
    }
}
