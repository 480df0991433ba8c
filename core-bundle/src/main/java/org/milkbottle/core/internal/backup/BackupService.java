package org.milkbottle.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.milkbottle.api.PluginException;
import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.api.backup.BackupParticipant;
import org.milkbottle.core.internal.DataDirectory;
import org.milkbottle.core.internal.config.ConfigurationsFile;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.core.internal.store.StateLock;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Backups while the runtime runs, and the restore of one at the next start. A backup copies the data folder between
 * two transactions (holding {@link StateLock}) — plugins in the artifact store, state, history, configuration changes,
 * trust store, audit log, keys — with every configuration ConfigurationAdmin holds, and lets each
 * {@link BackupParticipant} (the embedded marketplace's database) write its own part; then writes the archive
 * ({@link BackupArchive}). The framework cache is left out: a restored runtime installs its plugins again from the
 * artifact store. A restore is staged ({@value #PENDING} beside the data folder) and carried out by the launcher
 * before the framework starts, so nothing runs while the folder changes. Immediate: scheduled backups run without
 * anybody asking for the service.
 */
@Component(service = BackupService.class, configurationPid = BackupConfig.PID, immediate = true)
@Designate(ocd = BackupConfig.class)
public class BackupService {

    /** A restore waiting for the next start, beside the data folder. */
    public static final String PENDING = "restore-pending.zip";
    /** What the launcher must not copy: the lock of the running runtime, its socket, temporary files. */
    private static final List<String> NEVER = List.of("runtime.lock", "admin");
    /** The names of scheduled backups, the only ones retention deletes. */
    private static final java.util.regex.Pattern SCHEDULED = java.util.regex.Pattern.compile(
            "milkbottle-scheduled-\\d{8}-\\d{6}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final System.Logger LOG = System.getLogger(BackupService.class.getName());

    private final BundleContext context;
    private final Path data;
    private final StateLock lock;
    private final ConfigurationAdmin configurationAdmin;
    private final RuntimeStages stages;
    private final List<BackupParticipant> participants = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private volatile BackupConfig config;
    private ScheduledExecutorService schedule;

    /** What a backup wrote. */
    public record Written(Path archive, int files, long bytes, int configurations) {
    }

    @Activate
    public BackupService(BundleContext context, BackupConfig config, @Reference StateLock lock,
            @Reference ConfigurationAdmin configurationAdmin, @Reference RuntimeStages stages) {
        this.context = context;
        this.data = DataDirectory.of(context);
        this.lock = lock;
        this.configurationAdmin = configurationAdmin;
        this.stages = stages;
        removeLeftovers();
        configure(config);
    }

    /** Image folders and half-written archives of backups a kill interrupted. */
    private void removeLeftovers() {
        try (Stream<Path> beside = Files.list(data.toAbsolutePath().getParent())) {
            for (Path image : beside.filter(p -> p.getFileName().toString().matches("backup-\\d+")).toList()) {
                deleteTree(image);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot remove what an interrupted backup left: " + e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addParticipant(BackupParticipant participant) {
        participants.add(participant);
    }

    void removeParticipant(BackupParticipant participant) {
        participants.remove(participant);
    }

    @Modified
    void configure(BackupConfig changed) {
        Duration interval;
        try {
            interval = interval(changed.interval());
        } catch (IllegalArgumentException e) {
            // the rest of the configuration still holds; mb:backup works without a schedule
            LOG.log(System.Logger.Level.ERROR, "No scheduled backups: " + e.getMessage() + " (configuration "
                    + BackupConfig.PID + ").");
            interval = null;
        }
        this.config = changed;
        synchronized (this) {
            if (schedule != null) {
                schedule.shutdown(); // a backup running now finishes; the next ones follow the new settings
                schedule = null;
            }
            if (interval != null) {
                schedule = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "milkbottle-scheduled-backup");
                    thread.setDaemon(true);
                    return thread;
                });
                // a backup runs with the settings it was scheduled under: one still running when they change writes
                // and prunes where it started, not in the next folder
                schedule.scheduleWithFixedDelay(() -> scheduled(changed), firstDelay(interval).toMillis(),
                        interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * An interval after the newest scheduled backup there is (at once if that is longer ago): a runtime restarted
     * more often than the interval still gets its backups.
     */
    private Duration firstDelay(Duration interval) {
        try (Stream<Path> files = Files.list(folder())) {
            Instant newest = files.filter(f -> SCHEDULED.matcher(f.getFileName().toString()).matches())
                    .map(f -> {
                        try {
                            return Files.getLastModifiedTime(f).toInstant();
                        } catch (IOException e) {
                            return Instant.EPOCH;
                        }
                    }).max(Comparator.naturalOrder()).orElse(null);
            if (newest == null) {
                return interval;
            }
            Duration left = Duration.between(clock.instant(), newest.plus(interval));
            return left.isNegative() ? Duration.ZERO : left;
        } catch (IOException e) {
            return interval; // no folder yet
        }
    }

    /** {@code 30s}, {@code 15m}, {@code 6h}, {@code 1d} as a duration; null for empty; an error names the value. */
    static Duration interval(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d{1,9})\\s*([smhd])").matcher(value);
        if (!parts.matches() || Long.parseLong(parts.group(1)) == 0) {
            throw new IllegalArgumentException("backup interval '" + text + "' is not a number and a unit (30s, 15m, "
                    + "6h, 1d)");
        }
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    @Deactivate
    synchronized void deactivate() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }

    /** The folder of backups written without a name: configured, else {@code backups/} beside the data folder. */
    public Path folder() {
        return folder(config);
    }

    private Path folder(BackupConfig settings) {
        String configured = settings.folder();
        return configured.isBlank() ? data.toAbsolutePath().getParent().resolveSibling("backups")
                : Path.of(configured).toAbsolutePath();
    }

    private void scheduled(BackupConfig settings) {
        try {
            Path folder = folder(settings);
            Path target = folder.resolve("milkbottle-scheduled-" + STAMP.format(clock.instant()) + ".zip");
            Written written = backup(target);
            LOG.log(System.Logger.Level.INFO, "Scheduled backup written to " + written.archive());
            // a keep changed meanwhile for the same folder holds at once (a raised keep must not lose backups)
            int keep = folder.equals(folder()) ? config.keep() : settings.keep();
            prune(folder, Math.max(1, keep));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The scheduled backup failed: " + e.getMessage(), e);
        }
    }

    /** Deletes the oldest scheduled backups in {@code folder} beyond {@code keep}; mb:backup's own stay. */
    static List<Path> prune(Path folder, int keep) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(f -> SCHEDULED.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
        List<Path> deleted = new ArrayList<>();
        for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old);
            deleted.add(old);
        }
        return deleted;
    }

    /** Writes a backup to {@code target} (null: a new file in {@link #folder()}) while the runtime runs. */
    public Written backup(Path target) throws IOException {
        // right after a start the marketplace (a participant) may not be up yet: its database would be copied as
        // plain files while it opens
        stages.awaitStarted(Duration.ofSeconds(120));
        Instant now = clock.instant();
        Path archive = target != null ? target.toAbsolutePath()
                : folder().resolve("milkbottle-backup-" + STAMP.format(now) + ".zip");
        if (archive.startsWith(data.toAbsolutePath())) {
            throw new PluginException("A backup cannot go inside the data folder it copies (" + data + "); choose "
                    + "a file elsewhere.");
        }
        Path image = Files.createTempDirectory(data.toAbsolutePath().getParent(), "backup-");
        try {
            List<BackupParticipant> parts = List.copyOf(participants);
            List<String> claimed = new ArrayList<>(NEVER);
            parts.forEach(p -> claimed.addAll(p.paths()));
            // the participants first: the marketplace's database is copied before the artifacts it names, which
            // are only ever added, so every artifact the copied database names is in the backup
            for (BackupParticipant participant : parts) {
                participant.backup(image);
            }
            int configurations = lock.holding(() -> {
                try {
                    copy(data, image, claimed);
                    return ConfigurationsFile.write(configurationAdmin, image.resolve(RestoredConfigurations.FILE));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            BackupArchive.Manifest manifest = BackupArchive.write(image, archive, RuntimeCapability.version(context)
                    .toString(), now);
            return new Written(archive, manifest.sha256().size(), Files.size(archive), configurations);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            deleteTree(image);
        }
    }

    /**
     * Checks {@code archive} whole and stages it for the next start, which replaces the data folder with it (the
     * old one is kept aside). A backup of a newer MilkBottle is refused.
     */
    public BackupArchive.Manifest stageRestore(Path archive) throws IOException {
        BackupArchive.Manifest manifest = BackupArchive.verify(archive);
        BackupArchive.requireNotNewer(archive, manifest, RuntimeCapability.version(context).toString());
        Path pending = data.toAbsolutePath().getParent().resolve(PENDING);
        Path part = pending.resolveSibling(PENDING + ".part");
        Files.deleteIfExists(part);
        BackupArchive.createPrivateFile(part); // it holds the keys and configurations: the runtime's user only
        try (java.io.InputStream in = Files.newInputStream(archive);
                java.io.OutputStream out = Files.newOutputStream(part)) {
            in.transferTo(out);
        }
        Files.move(part, pending, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return manifest;
    }

    /** Copies the files of {@code from} into {@code to}, leaving out the claimed paths and temporary files. */
    private static void copy(Path from, Path to, List<String> claimed) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (isClaimed(from.relativize(dir), claimed)
                        || from.relativize(dir).toString().replace('\\', '/').equals(ArtifactStore.STAGING)) {
                    return FileVisitResult.SKIP_SUBTREE; // the stagings of requests under way: not installed
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(file);
                String name = file.getFileName().toString();
                if (attributes.isRegularFile() && !isClaimed(relative, claimed) && !name.endsWith(".tmp")
                        && !name.endsWith(".part")) {
                    Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (Files.notExists(file)) {
                    return FileVisitResult.CONTINUE; // gone in between (a temporary file)
                }
                throw e;
            }
        });
    }

    private static boolean isClaimed(Path relative, List<String> claimed) {
        String path = relative.toString().replace('\\', '/');
        return !path.isEmpty() && claimed.stream().anyMatch(c -> path.equals(c) || path.startsWith(c + "/"));
    }

    static void deleteTree(Path root) throws IOException {
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
