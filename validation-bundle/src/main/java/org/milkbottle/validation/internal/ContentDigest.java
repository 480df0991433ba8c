package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;

/**
 * The identity of a jar's content, computed alike from the jar file and from the entries of a bundle installed
 * from it: the SHA-256 over its files' names and SHA-256s, in name order. The jar's own SHA-256 cannot serve: the
 * framework keeps no copy of the installed bytes that a bundle listener can read, and the same files packed in
 * another order, with other timestamps or compression, are another byte stream but the same bundle.
 *
 * <p>Directories are left out (a jar may list them or not; a bundle's entry paths imply them). An archive that
 * names a file twice has no digest: which of the two the framework would read is not something to guess.
 */
final class ContentDigest {

    private ContentDigest() {
    }

    /** The digest of the jar at {@code jar}. */
    static String of(Path jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    addUnlessEmptyFolder(files, entry.getName(), in);
                }
            }
        }
        return digest(files);
    }

    /**
     * Adds an entry's digest; an entry named like a folder counts only when it holds bytes: Felix's class loader
     * serves "p/A.class/" for p/A.class, so content hidden there must change the digest like any other.
     */
    private static void addUnlessEmptyFolder(Map<String, byte[]> files, String name, InputStream in)
            throws IOException {
        if (!name.endsWith("/")) {
            add(files, name, sha256(in));
            return;
        }
        byte[] bytes = in.readAllBytes();
        if (bytes.length > 0) {
            add(files, name, sha256(new ByteArrayInputStream(bytes)));
        }
    }

    /** The digest of a jar held in memory (the guard's copy of approved content). */
    static String of(byte[] jar) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                addUnlessEmptyFolder(files, entry.getName(), zip);
            }
        }
        return digest(files);
    }

    /** The digest of an installed bundle's content, read through {@link Bundle#getEntry}; nothing is resolved or loaded. */
    static String of(Bundle bundle) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        addEntries(bundle, "/", files);
        return digest(files);
    }

    private static void addEntries(Bundle bundle, String folder, Map<String, byte[]> files) throws IOException {
        Enumeration<String> paths = bundle.getEntryPaths(folder);
        for (String path : paths == null ? Collections.<String>emptyList() : Collections.list(paths)) {
            if (path.endsWith("/")) {
                URL folderEntry = bundle.getEntry(path);
                if (folderEntry != null) {
                    try (InputStream in = folderEntry.openStream()) {
                        addUnlessEmptyFolder(files, path, in);
                    } catch (IOException notReadable) {
                        // a folder Felix cannot read as bytes cannot be loaded as a class either
                    }
                }
                addEntries(bundle, path, files);
                continue;
            }
            URL url = bundle.getEntry(path);
            if (url == null) {
                throw new IOException("the entry " + path + " of " + bundle.getSymbolicName() + " went away while read");
            }
            try (InputStream in = url.openStream()) {
                add(files, path, sha256(in));
            }
        }
    }

    private static void add(Map<String, byte[]> files, String name, byte[] sha256) throws IOException {
        if (files.put(name, sha256) != null) {
            throw new IOException("the archive names " + name + " twice");
        }
    }

    private static String digest(Map<String, byte[]> files) {
        MessageDigest digest = newDigest();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            // each name with its length, so that no name can be made to run into the next hash
            byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            digest.update(name);
            digest.update(file.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0;) {
            digest.update(buffer, 0, n);
        }
        return digest.digest();
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
