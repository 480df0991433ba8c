package org.milkbottle.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Checks, before the framework starts, that the framework cache still holds the runtime's own bundles as the
 * launcher ships them. The bnd launcher rewrites a runtime bundle only when the digest in the launcher's manifest
 * differs from the one it recorded at the last start: a jar in the cache changed behind its back (by a plugin that
 * may write files, say) would run at the next start with the runtime's own rights. Each cached jar is hashed and
 * compared with the manifest's SHA-256; for one that differs the recorded digest is forgotten, so that the bnd
 * launcher writes the shipped jar again. Reading ~18 MB costs a few tens of milliseconds; nothing is written when
 * nothing changed.
 */
final class CachedRuntimeBundles {

    private CachedRuntimeBundles() {
    }

    /**
     * @param storage the framework cache ({@code org.osgi.framework.storage})
     * @param launcher the exported jar this runs from
     * @return a line per runtime bundle found changed (its cached copy is rewritten at this start)
     */
    static List<String> forgetChanged(Path storage, Path launcher) throws IOException {
        if (!Files.isDirectory(storage) || !Files.isRegularFile(launcher)) {
            return List.of();
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(launcher.toFile())) {
            manifest = jar.getManifest();
        }
        if (manifest == null) {
            return List.of();
        }
        List<String> changed = new java.util.ArrayList<>();
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path bundle : bundles) {
                Path info = bundle.resolve("bundle.info");
                if (!Files.isRegularFile(info)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(info, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (lines.size() < 2) {
                    continue;
                }
                Attributes shipped = manifest.getAttributes(lines.get(1).trim());
                String expected = shipped == null ? null : shipped.getValue("SHA-256-Digest");
                Path cached = newestRevision(bundle);
                if (expected == null || cached == null || expected.equals(sha256(cached))) {
                    continue; // not a runtime bundle (a plugin, or the framework), or unchanged
                }
                Files.deleteIfExists(storage.resolve("bundle0/.bnd.launcher").resolve(lines.get(0).trim()));
                changed.add(lines.get(1).trim() + " (" + cached + ")");
            }
        }
        return changed;
    }

    private static Path newestRevision(Path bundle) throws IOException {
        // Felix names revisions versionREFRESH.REVISION (version0.0, version0.1, version1.0, …)
        Path newest = null;
        long newestRank = -1;
        try (DirectoryStream<Path> revisions = Files.newDirectoryStream(bundle, "version*")) {
            for (Path revision : revisions) {
                String[] parts = revision.getFileName().toString().substring("version".length()).split("\\.");
                try {
                    long rank = Long.parseLong(parts[0]) * 1_000_000 + (parts.length > 1 ? Long.parseLong(parts[1]) : 0);
                    if (rank > newestRank && Files.isRegularFile(revision.resolve("bundle.jar"))) {
                        newestRank = rank;
                        newest = revision.resolve("bundle.jar");
                    }
                } catch (NumberFormatException e) {
                    // not a revision folder
                }
            }
        }
        return newest;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
