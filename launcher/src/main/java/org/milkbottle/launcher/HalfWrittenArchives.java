package org.milkbottle.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes, before Felix reads its cache, the bundle folders a kill left half written or half deleted: Felix writes a
 * bundle's {@code bundle.info} and revision folder as it installs it, and deletes the folder as it uninstalls it; a
 * kill -9 in the middle of either (say, during an mb:rollback that uninstalls plugins) leaves a folder Felix cannot
 * read. Felix removes such a folder itself, but prints an ERROR and a stack trace on the way
 * ({@code Error reloading cached bundle … NumberFormatException: Cannot parse null string}). Nothing is lost with
 * it: a plugin missing from the cache is installed again from the artifact store at the start (its committed state
 * says it is installed), a runtime bundle from the launcher.
 */
final class HalfWrittenArchives {

    private HalfWrittenArchives() {
    }

    /** Removes the unreadable bundle folders of the framework cache at {@code storage}; returns how many. */
    static int remove(Path storage) throws IOException {
        if (!Files.isDirectory(storage)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path folder : folders) {
                if (!folder.getFileName().toString().equals("bundle0") && Files.isDirectory(folder)
                        && !readable(folder)) {
                    deleteTree(folder);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Whether Felix can read the folder as a bundle archive: its {@code bundle.info} holds the six lines Felix reads
     * (id, location, state, start level, last modified, refresh count), and a revision folder has its location.
     */
    static boolean readable(Path folder) {
        try (BufferedReader info = Files.newBufferedReader(folder.resolve("bundle.info"), StandardCharsets.ISO_8859_1)) {
            Long.parseLong(info.readLine());
            if (info.readLine() == null) {
                return false;
            }
            Integer.parseInt(info.readLine());
            Integer.parseInt(info.readLine());
            Long.parseLong(info.readLine());
            Long.parseLong(info.readLine());
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.anyMatch(child -> child.getFileName().toString().startsWith("version")
                    && Files.isRegularFile(child.resolve("revision.location")));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
