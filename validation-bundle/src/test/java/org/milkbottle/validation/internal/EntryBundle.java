package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.osgi.framework.Bundle;

/**
 * An installed bundle as the veto guard sees it, for tests without a framework: the entries of a jar, through
 * {@link Bundle#getEntryPaths} (direct children, folders ending in {@code /}, as Felix answers) and
 * {@link Bundle#getEntry}. Every other method of {@link Bundle} is unsupported.
 */
final class EntryBundle {

    private EntryBundle() {
    }

    static Bundle of(Path jar, String location) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        files.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return (Bundle) Proxy.newProxyInstance(EntryBundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getLocation" -> location;
                    case "getSymbolicName" -> location;
                    case "getEntryPaths" -> children(files, (String) args[0]);
                    case "getEntry" -> files.containsKey((String) args[0]) ? url((String) args[0], files) : null;
                    case "toString" -> "bundle " + location;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object children(Map<String, byte[]> files, String folder) {
        String prefix = folder.equals("/") ? "" : folder;
        Set<String> children = new TreeSet<>();
        for (String name : files.keySet()) {
            if (name.startsWith(prefix)) {
                int slash = name.indexOf('/', prefix.length());
                children.add(slash < 0 ? name : name.substring(0, slash + 1));
            }
        }
        return children.isEmpty() ? null : Collections.enumeration(children);
    }

    private static URL url(String name, Map<String, byte[]> files) throws MalformedURLException {
        return new URL(null, "entry:/" + name, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) {
                return new URLConnection(url) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public InputStream getInputStream() {
                        return new ByteArrayInputStream(files.get(name));
                    }
                };
            }
        });
    }
}
