package org.milkbottle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.milkbottle.core.internal.backup.BackupArchive;

/**
 * Restores a backup before the framework starts, so that nothing runs while the data folder changes:
 * {@code --restore FILE [--replace]} from the command line, or the restore {@code mb:restore} staged in a running
 * runtime ({@value #PENDING} beside the data folder), at the next start. The archive is checked whole and unpacked
 * beside the data folder first; only then is the current data folder (and the framework cache, which a backup leaves
 * out: the plugins are installed again from the restored artifact store) moved aside into
 * {@code before-restore-TIME/}, and the restored one renamed into place. A kill at any moment leaves either the old
 * folder or the new one, and a staged restore is carried out again at the next start.
 */
final class RestoreAtStart {

    /** Exit status of a refused restore: a damaged archive, a folder in use or not empty. */
    static final int REFUSED = 8;
    static final String PENDING = "restore-pending.zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RestoreAtStart() {
    }

    /** {@code --restore FILE [--replace]}: the exit status. */
    static int fromCommandLine(List<String> args, StartChecks checks) {
        if (args.size() < 2 || args.size() > 3 || (args.size() == 3 && !args.get(2).equals("--replace"))) {
            System.err.println("milkbottle: usage: --restore FILE [--replace]");
            return 2;
        }
        Path archive = Path.of(args.get(1));
        boolean replace = args.size() == 3;
        Path data = checks.dataFolder();
        if (StartChecks.folderTaken(data.resolve("runtime.lock"))) {
            System.err.println("milkbottle: cannot restore: a MilkBottle runtime is using " + data.toAbsolutePath()
                    .normalize() + "; stop it first (or restore from inside it with mb:restore FILE).");
            return REFUSED;
        }
        try {
            BackupArchive.Manifest manifest = restore(archive, data, checks.frameworkStorage(), replace);
            System.out.println("Restored the backup of MilkBottle " + manifest.runtimeVersion() + " made "
                    + manifest.created() + " (" + manifest.sha256().size() + " files) into " + data.toAbsolutePath()
                    .normalize() + ". Start the runtime: it installs the plugins again from the restored store.");
            return 0;
        } catch (IOException e) {
            System.err.println("milkbottle: cannot restore: " + e.getMessage() + ". Nothing was changed.");
            return REFUSED;
        }
    }

    /** The restore mb:restore staged, if any: carried out now, before the framework starts. */
    static Optional<String> pending(StartChecks checks) {
        Path data = checks.dataFolder();
        Path pending = data.toAbsolutePath().getParent().resolve(PENDING);
        if (!Files.exists(pending)) {
            return Optional.empty();
        }
        try {
            BackupArchive.Manifest manifest = restore(pending, data, checks.frameworkStorage(), true);
            Files.delete(pending);
            System.err.println("milkbottle: restored the backup of MilkBottle " + manifest.runtimeVersion() + " made "
                    + manifest.created() + " that mb:restore staged; the data it replaced is in "
                    + data.toAbsolutePath().getParent() + "/before-restore-*.");
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the restore staged by mb:restore (" + pending + ") failed: " + e.getMessage()
                    + "; the data folder is unchanged. Delete " + pending + " to start without it");
        }
    }

    static BackupArchive.Manifest restore(Path archive, Path data, Path framework, boolean replace)
            throws IOException {
        Path absolute = data.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".restoring");
        deleteTree(staging); // a restore a kill interrupted: done again from the start
        BackupArchive.Manifest manifest = BackupArchive.extract(archive, staging);
        if (!isEmpty(absolute)) {
            if (!replace) {
                deleteTree(staging);
                throw new IOException("the data folder " + absolute + " is not empty; restore into an empty folder "
                        + "(MILKBOTTLE_HOME), or add --replace to put the current data aside and restore over it");
            }
        }
        if (Files.exists(absolute) || Files.exists(framework)) {
            Path aside = absolute.resolveSibling("before-restore-" + STAMP.format(Instant.now()));
            Files.createDirectories(aside);
            if (Files.exists(absolute)) {
                Files.move(absolute, aside.resolve(absolute.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(framework)) {
                Files.move(framework, aside.resolve(framework.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /** No file at all (a folder made by a start that stopped at once may hold empty folders and the lock file). */
    private static boolean isEmpty(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).allMatch(f -> f.getFileName().toString().equals("runtime.lock"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
