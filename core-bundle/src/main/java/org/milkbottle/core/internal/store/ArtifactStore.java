package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Keeps every bundle jar MilkBottle installed, addressed by its SHA-256, so that any earlier state can
 * be restored exactly (rollback, recovery after a crash). Files are written to a temporary name and
 * moved into place, so a crash never leaves a partial artifact under a valid name.
 */
public final class ArtifactStore {

    private final Path directory;

    public ArtifactStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact store " + directory, e);
        }
    }

    /** A stored artifact. */
    public record Stored(Path path, String sha256, long size) {
    }

    /**
     * Copies {@code in} into the store, refusing more than {@code maxBytes}.
     *
     * @throws IOException when reading fails or the limit is passed
     */
    public Stored put(InputStream in, long maxBytes) throws IOException {
        Path temp = Files.createTempFile(directory, "incoming-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = copyLimited(in, out, maxBytes);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(target, sha, size);
        } finally {
            Files.deleteIfExists(temp);
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
