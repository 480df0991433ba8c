package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.milkbottle.sdk.api.SdkException;

/**
 * Writes a project all or nothing: every file goes into a hidden staging folder beside the target, which is then
 * renamed to the target in one step. A failure part-way (a full disk, a folder that appeared meanwhile) leaves
 * neither the target nor the staging folder behind, and an existing folder is never written into.
 */
final class ProjectWriter {

    private ProjectWriter() {
    }

    /** @param files relative path ('/'-separated) → content */
    static void write(Path target, Map<String, byte[]> files) throws SdkException {
        Path folder = target.toAbsolutePath().normalize();
        refuseExisting(folder);
        Path parent = folder.getParent();
        Path firstMade = firstMissing(parent);
        Path staging = null;
        boolean written = false;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + folder.getFileName() + ".creating-");
            try {
                // a temporary folder is the owner's alone; a project folder is an ordinary one
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("a template file would land outside the project: " + file.getKey());
                }
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            refuseExisting(folder);
            try {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, folder);
            }
            staging = null;
            written = true;
        } catch (FileAlreadyExistsException e) {
            // the project folder appeared meanwhile, or a file stands where one of its parent folders should be
            throw Files.exists(folder, LinkOption.NOFOLLOW_LINKS) ? exists(folder) : cannotWrite(folder, e);
        } catch (IOException e) {
            throw cannotWrite(folder, e);
        } finally {
            deleteQuietly(staging);
            if (!written) {
                deleteEmptyFolders(firstMade); // the parent folders this call made, if any
            }
        }
    }

    /** Deletes {@code top} and the folders in it, as far as they are empty; never a file. */
    private static void deleteEmptyFolders(Path top) {
        if (top == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        // not empty (someone else's files) or not ours to delete: left as it is
                    }
                }
            }
        } catch (IOException e) {
            // nothing there, or not readable: nothing of ours to clean up
        }
    }

    /** The outermost folder of {@code folder}'s path that does not exist yet (what createDirectories would make). */
    private static Path firstMissing(Path folder) {
        Path missing = null;
        for (Path path = folder; path != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
                path = path.getParent()) {
            missing = path;
        }
        return missing;
    }

    private static void refuseExisting(Path folder) throws SdkException {
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(folder);
        }
    }

    private static SdkException cannotWrite(Path folder, IOException e) {
        String reason = e instanceof FileAlreadyExistsException ? e.getMessage() + " is a file, not a folder"
                : e.getMessage();
        return new SdkException("Could not write the project to " + folder + ": " + reason + "; check that the "
                + "folder can be written and the disk has room. Nothing was written.", e);
    }

    private static SdkException exists(Path folder) {
        return new SdkException(folder + " exists already; nothing was written. Choose another folder with --dir, "
                + "or remove that one first.");
    }

    private static void deleteQuietly(Path staging) {
        if (staging == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // the staging folder is hidden and named as such; the error that got us here is the one to report
        }
    }
}
