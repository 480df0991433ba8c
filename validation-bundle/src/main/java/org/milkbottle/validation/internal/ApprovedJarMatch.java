package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;

/**
 * Whether an installed bundle holds exactly the content of a jar the pipeline approved: the same entries,
 * byte for byte. An approval is thereby tied to content, not to a name, a version and a moment — a bundle
 * installed behind the pipeline's back under the same name and version, with other content, is not
 * taken for the approved one.
 */
final class ApprovedJarMatch {

    private ApprovedJarMatch() {
    }

    static boolean matches(Bundle bundle, Path approvedJar) {
        try (ZipFile jar = new ZipFile(approvedJar.toFile())) {
            Set<String> files = new HashSet<>();
            for (ZipEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                files.add(entry.getName());
                URL installed = bundle.getEntry(entry.getName());
                if (installed == null) {
                    return false;
                }
                try (InputStream expected = jar.getInputStream(entry); InputStream actual = installed.openStream()) {
                    if (!MessageDigest.isEqual(digest(expected), digest(actual))) {
                        return false;
                    }
                }
            }
            return files.equals(entries(bundle, "/", new HashSet<>()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** As {@link #matches(Bundle, Path)}, for a jar held in memory (the guard's copy being put back). */
    static boolean matches(Bundle bundle, byte[] approvedJar) {
        try (ZipInputStream jar = new ZipInputStream(new ByteArrayInputStream(approvedJar))) {
            Set<String> files = new HashSet<>();
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null;) {
                if (entry.isDirectory()) {
                    continue;
                }
                files.add(entry.getName());
                URL installed = bundle.getEntry(entry.getName());
                if (installed == null) {
                    return false;
                }
                byte[] expected = digest(jar);
                try (InputStream actual = installed.openStream()) {
                    if (!MessageDigest.isEqual(expected, digest(actual))) {
                        return false;
                    }
                }
            }
            return files.equals(entries(bundle, "/", new HashSet<>()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> entries(Bundle bundle, String folder, Set<String> into) {
        Enumeration<String> paths = bundle.getEntryPaths(folder);
        for (String path : paths == null ? Collections.<String>emptyList() : Collections.list(paths)) {
            if (path.endsWith("/")) {
                entries(bundle, path, into);
            } else {
                into.add(path);
            }
        }
        return into;
    }

    private static byte[] digest(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0;) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
