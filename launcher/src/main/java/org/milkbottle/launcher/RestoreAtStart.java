package org.milkbottle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
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
    /** In the restored folder while it waits to be renamed into place: it is complete. */
    static final String COMPLETE = ".restore-complete";
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
        try (FolderLock lock = FolderLock.of(data)) {
            if (!lock.held()) {
                System.err.println("milkbottle: cannot restore: a MilkBottle runtime is using " + data
                        .toAbsolutePath().normalize() + "; stop it first (or restore from inside it with mb:restore "
                        + "FILE).");
                return REFUSED;
            }
            finishInterrupted(checks).ifPresent(System.err::println);
            BackupArchive.Manifest manifest = restore(archive, data, checks.frameworkStorage(), replace,
                    checks.runtimeVersion());
            System.out.println("Restored the backup of MilkBottle " + manifest.runtimeVersion() + " made "
                    + manifest.created() + " (" + manifest.sha256().size() + " files) into " + data.toAbsolutePath()
                    .normalize() + ". Start the runtime: it installs the plugins again from the restored store.");
            return 0;
        } catch (IOException e) {
            System.err.println("milkbottle: cannot restore: " + e.getMessage() + ". Nothing was changed.");
            return REFUSED;
        }
    }

    /**
     * What a start does first: finishes a restore a kill interrupted after the restored folder was complete, or
     * drops one interrupted before (the data folder is then unchanged); then carries out the restore mb:restore
     * staged, if any. A problem in one line; empty when the start can go on.
     */
    static Optional<String> atStart(StartChecks checks) {
        try {
            finishInterrupted(checks).ifPresent(System.err::println);
        } catch (IOException e) {
            return Optional.of("an interrupted restore could not be finished (" + e.getMessage() + "); the restored "
                    + "data is in " + staging(checks.dataFolder()) + ", the replaced data in "
                    + checks.dataFolder().toAbsolutePath().getParent() + "/before-restore-*");
        }
        Path data = checks.dataFolder();
        Path pending = data.toAbsolutePath().getParent().resolve(PENDING);
        if (!Files.exists(pending)) {
            return Optional.empty();
        }
        try {
            BackupArchive.Manifest manifest = restore(pending, data, checks.frameworkStorage(), true,
                    checks.runtimeVersion());
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

    private static Path staging(Path data) {
        Path absolute = data.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".restoring");
    }

    /** A restore a kill interrupted: finished if its folder was complete, else dropped. What happened, if anything. */
    static Optional<String> finishInterrupted(StartChecks checks) throws IOException {
        Path data = checks.dataFolder().toAbsolutePath().normalize();
        Path staging = staging(data);
        if (!Files.exists(staging)) {
            return Optional.empty();
        }
        if (!Files.exists(staging.resolve(COMPLETE))) {
            deleteTree(staging);
            return Optional.of("milkbottle: a restore was interrupted before its data was complete; the data folder "
                    + "is unchanged. Restore again if you meant to.");
        }
        publish(data, checks.frameworkStorage(), staging);
        return Optional.of("milkbottle: finished a restore that was interrupted; the data it replaced is in "
                + data.getParent() + "/before-restore-*.");
    }

    static BackupArchive.Manifest restore(Path archive, Path data, Path framework, boolean replace,
            String runtimeVersion) throws IOException {
        Path absolute = data.toAbsolutePath().normalize();
        Path staging = staging(absolute);
        deleteTree(staging); // the rest of a restore interrupted before it was complete
        BackupArchive.Manifest manifest = BackupArchive.verify(archive);
        BackupArchive.requireNotNewer(archive, manifest, runtimeVersion);
        if (!replace && !isEmpty(absolute)) {
            throw new IOException("the data folder " + absolute + " is not empty; restore into an empty folder "
                    + "(MILKBOTTLE_HOME), or add --replace to put the current data aside and restore over it");
        }
        BackupArchive.extract(archive, staging);
        // the marker says the folder is complete (every file forced to disk): from here on, a start finishes the job
        BackupArchive.createPrivateFile(staging.resolve(COMPLETE));
        publish(absolute, framework, staging);
        return manifest;
    }

    /** Moves the current data folder and framework cache aside, then the complete restored folder into place. */
    private static void publish(Path data, Path framework, Path staging) throws IOException {
        if (Files.exists(data) || Files.exists(framework)) {
            Path aside = data.resolveSibling("before-restore-" + STAMP.format(Instant.now()));
            Files.createDirectories(aside);
            if (Files.exists(data)) {
                Files.move(data, aside.resolve(data.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.exists(framework)) {
                Files.move(framework, aside.resolve(framework.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(data.resolve(COMPLETE));
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

    /** The data folder's lock (data/milkbottle/runtime.lock), held while a restore runs; held at once if none. */
    private static final class FolderLock implements AutoCloseable {

        private final FileChannel channel;
        private final FileLock lock;

        private FolderLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static FolderLock of(Path data) throws IOException {
            Path file = data.resolve("runtime.lock");
            if (!Files.isRegularFile(file)) {
                return new FolderLock(null, null);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
            try {
                return new FolderLock(channel, channel.tryLock());
            } catch (OverlappingFileLockException e) {
                return new FolderLock(channel, null);
            }
        }

        boolean held() {
            return channel == null || lock != null;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        }
    }
}
