package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps every bundle jar MilkBottle installed, addressed by its SHA-256, so that any earlier state can
 * be restored exactly (rollback, recovery after a crash). Files are written to a temporary name and
 * moved into place, so a crash never leaves a partial artifact under a valid name.
 * <p>
 * A request fetches into a {@link Staging} of its own, not into the store: only the jars it installs join the store
 * ({@link Staging#keep}), and closing it deletes the rest — a simulation, a refusal, a failed download or a jar the
 * request turned out not to need leaves nothing behind, whichever way the request ended.
 */
public final class ArtifactStore implements ArtifactSink {

    /** The folder of the requests' stagings, under the store's. */
    private static final String INCOMING = "incoming";
    /** That folder's path in the data folder (the store is its {@code artifacts}): backups leave it out. */
    public static final String STAGING = "artifacts/" + INCOMING;

    private final Path directory;

    public ArtifactStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact store " + directory, e);
        }
    }

    /** A stored (or staged) artifact. */
    public record Stored(Path path, String sha256, long size) {
    }

    /**
     * Copies {@code in} into the store, refusing more than {@code maxBytes}. Requests fetch into a {@link #staging()}
     * instead.
     *
     * @throws IOException when reading fails or the limit is passed
     */
    @Override
    public Stored put(InputStream in, long maxBytes) throws IOException {
        return putInto(directory, in, maxBytes);
    }

    /** Copies {@code in} to {@code folder} under its SHA-256, or finds it in the store already. */
    private Stored putInto(Path folder, InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(folder, "incoming-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copyLimited(in, out, maxBytes);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path stored = pathOf(sha);
            if (Files.exists(stored)) {
                return new Stored(stored, sha, size);
            }
            Path target = folder.resolve(sha + ".jar");
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(target, sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new staging for one request's fetches; close it when the request ends. */
    public Staging staging() {
        try {
            return new Staging(Files.createTempDirectory(Files.createDirectories(directory.resolve(INCOMING)),
                    "request-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder in " + directory, e);
        }
    }

    /**
     * Deletes the stagings requests left when the runtime was killed. Call it before any request runs: a staging
     * of a request under way would go too.
     */
    public void removeLeftovers() {
        deleteTree(directory.resolve(INCOMING));
    }

    /**
     * One request's fetched jars, in a folder of its own until the request installs them: those it does join the
     * store; the folder goes when the request ends.
     */
    public final class Staging implements ArtifactSink, AutoCloseable {

        private final Path folder;

        private Staging(Path folder) {
            this.folder = folder;
        }

        /** Copies {@code in} into this staging, or finds it in the store already; refuses more than {@code maxBytes}. */
        @Override
        public Stored put(InputStream in, long maxBytes) throws IOException {
            return putInto(folder, in, maxBytes);
        }

        /**
         * Adds the jar at {@code path} to the store if it was staged here (a jar found in the store is there already):
         * call it before the transaction that installs it, so that rollback and recovery find it.
         */
        public void keep(Path path, String sha256) {
            if (!path.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize())
                    || Files.exists(pathOf(sha256))) {
                return;
            }
            try {
                try {
                    // another name for the same file, not a second write (the staging is under the store's folder)
                    Files.createLink(pathOf(sha256), path);
                    return;
                } catch (FileAlreadyExistsException stored) {
                    return; // another request stored it meanwhile
                } catch (IOException | UnsupportedOperationException noLinks) {
                    // a file system without hard links: copy
                }
                Path temp = Files.createTempFile(directory, "incoming-", ".part");
                try {
                    Files.copy(path, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, pathOf(sha256), StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot add " + path.getFileName() + " to the artifact store "
                        + directory, e);
            }
        }

        /** Deletes what this request fetched and did not install. */
        @Override
        public void close() {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next start's sweep (removeLeftovers)
                }
            });
        } catch (IOException e) {
            // idem
        }
    }

    /** The stored artifact with this SHA-256, if present. */
    public Optional<Path> find(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path pathOf(String sha) {
        return directory.resolve(sha + ".jar");
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new IOException("it is larger than the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
