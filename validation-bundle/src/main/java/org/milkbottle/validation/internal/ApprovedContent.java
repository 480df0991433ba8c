package org.milkbottle.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;

/**
 * Copies of the approved content of every bundle, rebuilt from its entries, so that a vetoed raw update
 * can be undone. (Updates through MilkBottle's pipeline are validated before they happen and are
 * undone by the pipeline itself; these copies are for updates behind its back.)
 */
final class ApprovedContent {

    private final File directory;

    ApprovedContent(File directory) {
        this.directory = directory;
    }

    /**
     * Keeps an exact copy of the jar that was approved for {@code bundle}: a hard link to the pipeline's own
     * file where the file system allows (the jar is then written once; the pipeline never rewrites a stored
     * file in place, it replaces it), a copy otherwise.
     */
    void keepCopyOf(Bundle bundle, Path approvedJar) {
        if (directory == null) {
            return;
        }
        try {
            if (!link(bundle, approvedJar)) {
                write(bundle, Files.readAllBytes(approvedJar));
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(ApprovedContent.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot keep a copy of " + bundle.getSymbolicName() + ": " + e);
        }
    }

    /**
     * Keeps a copy of {@code bundle}'s current content, rebuilt from its entries. A copy during which the bundle
     * changed (an update landed while its entries were read) would mix two contents: it is dropped.
     */
    void keep(Bundle bundle) {
        if (directory == null) {
            return;
        }
        try {
            long before = bundle.getLastModified();
            byte[] jar = rebuild(bundle);
            if (jar != null && bundle.getLastModified() == before) {
                write(bundle, jar);
            }
        } catch (IOException | RuntimeException e) {
            // the bundle changed or went away while being copied (e.g. at shutdown): no copy, no harm
            if (bundle.getState() != Bundle.UNINSTALLED) {
                System.getLogger(ApprovedContent.class.getName()).log(System.Logger.Level.WARNING,
                        "Cannot keep a copy of " + bundle.getSymbolicName() + ": " + e);
            }
        }
    }

    private synchronized boolean link(Bundle bundle, Path approvedJar) throws IOException {
        Files.createDirectories(directory.toPath());
        Path target = file(bundle);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        try {
            Files.createLink(temp, approvedJar);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // another file system, or no hard links: copy instead
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }

    /** Written whole or not at all, so that a reader never sees half a copy. */
    private synchronized void write(Bundle bundle, byte[] jar) throws IOException {
        Files.createDirectories(directory.toPath());
        Path target = file(bundle);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, jar);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Keeps a copy unless one at least as new as the bundle's content is there already. */
    void keepIfStale(Bundle bundle) {
        if (directory == null) {
            return;
        }
        File copy = file(bundle).toFile();
        if (!copy.isFile() || copy.lastModified() < bundle.getLastModified()) {
            keep(bundle);
        }
    }

    /** The last approved content, or {@code null}. */
    byte[] previous(Bundle bundle) {
        try {
            Path file = file(bundle);
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    void forget(long bundleId) {
        if (directory != null) {
            new File(directory, bundleId + ".jar").delete();
        }
    }

    private Path file(Bundle bundle) {
        return new File(directory, bundle.getBundleId() + ".jar").toPath();
    }

    private static byte[] rebuild(Bundle bundle) throws IOException {
        URL manifestUrl = bundle.getEntry("META-INF/MANIFEST.MF");
        if (manifestUrl == null) {
            return null;
        }
        Manifest manifest;
        try (InputStream in = manifestUrl.openStream()) {
            manifest = new Manifest(in);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(buffer, manifest)) {
            Enumeration<String> paths = bundle.getEntryPaths("/");
            for (String path : paths == null ? Collections.<String>emptyList() : Collections.list(paths)) {
                add(bundle, path, jar);
            }
        }
        return buffer.toByteArray();
    }

    private static void add(Bundle bundle, String path, JarOutputStream jar) throws IOException {
        if (path.endsWith("/")) {
            Enumeration<String> children = bundle.getEntryPaths(path);
            for (String child : children == null ? Collections.<String>emptyList() : Collections.list(children)) {
                add(bundle, child, jar);
            }
            return;
        }
        if (path.equals("META-INF/MANIFEST.MF")) {
            return;
        }
        URL url = bundle.getEntry(path);
        if (url == null) {
            return;
        }
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = url.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
