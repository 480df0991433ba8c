package org.milkbottle.marketplace.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Published jars, one file per SHA-256 ({@code artifacts/ab/abcdef….jar}); a file is written under a
 * temporary name and moved into place, so a reader never sees half of one. Identical jars are stored once.
 */
public final class ArtifactFiles {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** The folder of uploads under way, under the store's. */
    static final String UPLOADS = ".uploads";
    private static final Duration STALE_UPLOAD = Duration.ofDays(1);

    private final Path root;
    private final Path uploads;

    public ArtifactFiles(Path root) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath();
        this.uploads = this.root.resolve(UPLOADS);
        try {
            uploadFolder();
            removeStaleUploads();
        } catch (IOException | RuntimeException e) {
            // a cleanup must not keep the marketplace from opening (another node's file on a shared folder, say)
            System.getLogger(ArtifactFiles.class.getName()).log(System.Logger.Level.WARNING, "Could not clean up "
                    + uploads + " (" + e + "); uploads left there by a stopped runtime stay until the next start.");
        }
    }

    /** The uploads' folder, made if missing; only the runtime's user may look into it where the file system says so. */
    private Path uploadFolder() throws IOException {
        if (!Files.isDirectory(uploads)) {
            try {
                Files.createDirectories(uploads, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(uploads); // no POSIX permissions (Windows)
            }
        }
        return uploads;
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /**
     * A new empty file for an upload to write into, on the store's own file system ({@code artifacts/.uploads}):
     * stored from there, the upload is moved into place rather than copied. Named {@code .part}, which backups
     * leave out. The caller deletes it when done with it; {@link #store} takes it away once stored.
     */
    public Path newUpload() throws IOException {
        return Files.createFile(uploadFolder().resolve("upload-" + randomName() + ".part"));
    }

    /**
     * Stores {@code jar} under its SHA-256 (which the caller computed): an upload made by {@link #newUpload} is
     * moved into place, any other file is copied under a name of its own and renamed into place. Making files is
     * what a publish spent most of its system time on: a temporary file then copied over with REPLACE_EXISTING
     * made it twice and deleted it once, beside the upload itself.
     */
    public Path store(Path jar, String sha256) throws IOException {
        Path target = file(sha256);
        if (Files.exists(target) && sha256.equals(digest(target))) {
            return target; // a file that does not hold what its name says (cut short before a restore) is replaced
        }
        if (!Files.isDirectory(target.getParent())) {
            Files.createDirectories(target.getParent()); // the first jar of this prefix
        }
        if (uploads.equals(jar.toAbsolutePath().getParent())) {
            Files.move(jar, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        Path part = target.resolveSibling("." + sha256 + "-" + randomName() + ".part");
        Files.copy(jar, part); // fails if the name is taken: a part is never shared
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        return target;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String randomName() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * Deletes the uploads a killed runtime left behind. Only those a day old: nodes that share the artifacts folder
     * (on a network file system) share this folder too, and another node's upload may be under way.
     */
    private void removeStaleUploads() throws IOException {
        Instant stale = Instant.now().minus(STALE_UPLOAD);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(uploads, "upload-*.part")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // stored or deleted meanwhile by its node, or not ours to delete: left as it is
                }
            }
        }
    }

    /** Deletes the stored file of {@code sha256}, if there is one; only for a jar no version refers to. */
    public void remove(String sha256) throws IOException {
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        Files.deleteIfExists(file(sha256));
    }

    /** The stored file; {@code sha256} must be 64 lower-case hex digits (nothing else ever touches the disk). */
    public Optional<Path> find(String sha256) {
        if (!isSha256(sha256)) {
            return Optional.empty();
        }
        Path file = file(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path file(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".jar");
    }
}
