package org.milkbottle.core.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipFile;

/**
 * What the watcher knows of one file in the deploy folder: its size and modification time when last
 * seen, and since when they have not changed. A file is complete when it has been quiet long enough
 * and its zip central directory — written last by any jar tool or copy — can be read.
 *
 * @param size bytes when last seen
 * @param modified modification time in milliseconds when last seen
 * @param quietSince {@link System#nanoTime()} since when size and time have not changed: when they were last seen
 *     changing, or earlier by the age of the file's modification time
 */
record FileState(long size, long modified, long quietSince) {

    /** The current state of {@code file}, or {@code null} if it is gone. */
    static FileState read(Path file, FileState previous) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            if (previous != null && previous.size == size && previous.modified == modified) {
                return previous;
            }
            // quiet since its last write, as far as the file's own time says: a file found at start that has not
            // changed for minutes needs no waiting (a broken one is reported at once, not after brokenAfterMillis),
            // while a file being written carries the time of its latest write. A time in the future counts as now
            long age = Math.max(0, System.currentTimeMillis() - modified);
            return new FileState(size, modified, System.nanoTime() - age * 1_000_000L);
        } catch (IOException e) {
            return null;
        }
    }

    boolean quietFor(long millis) {
        return System.nanoTime() - quietSince >= millis * 1_000_000L;
    }

    /** Whether the file opens as a zip, i.e. its end-of-archive records are all there. */
    static boolean isCompleteZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
