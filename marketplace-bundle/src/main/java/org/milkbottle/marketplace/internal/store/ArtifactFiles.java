package org.milkbottle.marketplace.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Published jars, one file per SHA-256 ({@code artifacts/ab/abcdef….jar}); a file is written under a
 * temporary name and moved into place, so a reader never sees half of one. Identical jars are stored once.
 */
public final class ArtifactFiles {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public ArtifactFiles(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    public static boolean isSha256(String text) {
        return text != null && SHA256.matcher(text).matches();
    }

    /** Stores {@code jar} under its SHA-256 (which the caller computed). */
    public Path store(Path jar, String sha256) throws IOException {
        Path target = file(sha256);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path part = Files.createTempFile(target.getParent(), ".upload", ".part");
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
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
