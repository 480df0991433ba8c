package org.milkbottle.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.apache.felix.framework.BundleRevisionImpl;
import org.apache.felix.framework.cache.Content;
import org.apache.felix.framework.cache.JarContent;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Whether an installed runtime bundle runs the jar the launcher ships. Felix runs a bundle from its cache
 * ({@code data/framework}), which a plugin allowed to write files can reach: a copy changed there, a revision folder
 * added, a {@code revision.location} pointing elsewhere would all run at the next start with the runtime's own
 * rights. So the question is asked of Felix itself, after it has read its cache: the content of the revision it
 * will run must be a plain jar inside the cache, byte for byte the shipped one (the bndrun stores them
 * uncompressed, {@code -compression: STORE}, so this is two plain reads). Anything else — another file, a folder, a
 * reference outside the cache — is not the shipped jar, and {@link RuntimeBundleSync} updates the bundle from it.
 * Comparing costs a fraction of hashing: the start scripts run the JVM without its C2 compiler, and with it without
 * the JDK's SHA-256 intrinsic (~22 MB hashed took 0.2 s there, compared ~30 ms).
 */
final class CachedRuntimeBundles {

    private static final int BLOCK = 256 * 1024;

    private CachedRuntimeBundles() {
    }

    /**
     * @param bundle an installed bundle at a shipped location
     * @param storage the framework cache
     * @return whether Felix will run exactly {@code shipped} for it
     */
    static boolean runsShipped(Bundle bundle, Path storage, JarFile launcher, ZipEntry shipped) throws IOException {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (!(revision instanceof BundleRevisionImpl felix)) {
            return false;
        }
        Content content = felix.getContent();
        if (!(content instanceof JarContent jar)) {
            return false; // a folder, or nothing Felix made from a jar of its own
        }
        File file = jar.getFile();
        if (file == null) {
            return false;
        }
        Path path = file.toPath().toAbsolutePath().normalize();
        if (!path.startsWith(storage.toAbsolutePath().normalize()) || !Files.isRegularFile(path)) {
            return false; // a reference to a jar outside the cache can change at any time
        }
        return sameBytes(launcher, shipped, path);
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
