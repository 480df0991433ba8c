package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.validation.api.PluginArchive;
import org.osgi.framework.Bundle;

/**
 * An installed bundle seen through the Bundle API — {@code getHeaders} and {@code findEntries}, which
 * read the bundle's content without resolving it or loading its classes. Used for bundles that did not
 * arrive through MilkBottle's install pipeline (a raw {@code installBundle}).
 */
final class BundlePluginArchive implements PluginArchive {

    private final Bundle bundle;
    private final long maxEntryBytes;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, URL> entries = new LinkedHashMap<>();

    BundlePluginArchive(Bundle bundle, long maxEntryBytes) {
        this.bundle = bundle;
        this.maxEntryBytes = maxEntryBytes;
        Dictionary<String, String> raw = bundle.getHeaders("");
        for (Enumeration<String> keys = raw.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            headers.put(key, raw.get(key));
        }
        Enumeration<URL> found = bundle.findEntries("/", "*", true);
        while (found != null && found.hasMoreElements()) {
            URL url = found.nextElement();
            String path = url.getPath().startsWith("/") ? url.getPath().substring(1) : url.getPath();
            // "folders" too: an entry named p/A.class/ can hold the class Felix loads for p/A.class
            entries.putIfAbsent(path, url);
        }
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public List<String> entryNames() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public byte[] read(String entryName) throws IOException {
        URL url = entries.get(entryName);
        if (url == null) {
            throw new IOException("no entry " + entryName + " in " + bundle.getSymbolicName());
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxEntryBytes + 1));
            if (bytes.length > maxEntryBytes) {
                throw new IOException(entryName + " is larger than " + maxEntryBytes + " bytes");
            }
            return bytes;
        }
    }

    @Override
    public boolean isPlugin() {
        return headers.getOrDefault("Require-Capability", "").contains("milkbottle.runtime");
    }
}
