package org.milkbottle.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Finds, before the framework starts, the runtime bundles whose copy in the framework cache is not the jar the
 * launcher ships. Felix runs a bundle from its cached copy: one changed behind the runtime's back (by a plugin that
 * may write files, say) would run at the next start with the runtime's own rights, and a launcher of a newer build
 * ships other jars. Each cached jar is compared byte for byte with the shipped one (the bndrun stores them
 * uncompressed, {@code -compression: STORE}, so this is two plain reads) and {@link RuntimeFramework} updates every
 * bundle found different from the shipped jar: complete whatever changed the copy, without a digest to trust.
 * Comparing costs a fraction of hashing: the start scripts run the JVM without its C2 compiler, and with it without
 * the JDK's SHA-256 intrinsic (~22 MB hashed took 0.2 s there, compared ~30 ms).
 */
final class CachedRuntimeBundles {

    private static final int BLOCK = 256 * 1024;

    private CachedRuntimeBundles() {
    }

    /**
     * @param storage the framework cache ({@code org.osgi.framework.storage})
     * @param launcher the exported jar this runs from
     * @return the locations ({@code jar/…}) of the cached runtime bundles that differ from the shipped jars; a
     *         cached bundle the launcher does not ship (a plugin) is not looked at
     */
    static Set<String> differing(Path storage, JarFile launcher) throws IOException {
        Set<String> differing = new HashSet<>();
        if (!Files.isDirectory(storage)) {
            return differing;
        }
        try (DirectoryStream<Path> bundles = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path bundle : bundles) {
                Path info = bundle.resolve("bundle.info");
                if (!Files.isRegularFile(info)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(info, StandardCharsets.ISO_8859_1);
                if (lines.size() < 2) {
                    continue;
                }
                String location = lines.get(1).trim();
                ZipEntry shipped = launcher.getEntry(location);
                if (shipped == null || shipped.isDirectory()) {
                    continue; // not a runtime bundle: a plugin, or the framework itself
                }
                Path cached = newestRevision(bundle);
                if (cached == null || !sameBytes(launcher, shipped, cached)) {
                    differing.add(location);
                }
            }
        }
        return differing;
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

    private static boolean sameBytes(JarFile jar, ZipEntry shipped, Path cached) throws IOException {
        if (shipped.getSize() >= 0 && shipped.getSize() != Files.size(cached)) {
            return false;
        }
        try (InputStream expected = jar.getInputStream(shipped); InputStream actual = Files.newInputStream(cached)) {
            byte[] a = new byte[BLOCK];
            byte[] b = new byte[BLOCK];
            while (true) {
                int n = expected.readNBytes(a, 0, BLOCK);
                int m = actual.readNBytes(b, 0, BLOCK);
                if (n != m || Arrays.mismatch(a, 0, n, b, 0, m) >= 0) {
                    return false;
                }
                if (n < BLOCK) {
                    return true;
                }
            }
        }
    }
}
