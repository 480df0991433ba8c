package org.milkbottle.sdk.internal.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginManager;
import org.milkbottle.sdk.api.DevMode;
import org.milkbottle.sdk.api.DevUpdate;
import org.milkbottle.sdk.api.DevWatch;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link DevMode}: one thread looks at every watched project's {@code target/} folder every {@value #LOOK_MILLIS} ms
 * (a look is a directory listing and a stat; polling also survives {@code mvn clean} removing the folder, which a
 * file-system watch on it would not) and hands each new, complete jar to the plugin manager: install, or update in
 * place, validated, as one transaction. A refused jar leaves the running version as it was.
 */
@Component
public class DevModeImpl implements DevMode {

    static final long LOOK_MILLIS = 25;
    private static final System.Logger LOG = System.getLogger(DevModeImpl.class.getName());
    /** Who the plugin manager records in the history for these installs. */
    static final String ORIGIN = "dev";

    private final PluginManager manager;
    private final Map<Path, ProjectWatch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService looker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "milkbottle-dev");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DevModeImpl(@Reference PluginManager manager) {
        this.manager = manager;
        looker.scheduleWithFixedDelay(this::lookAll, LOOK_MILLIS, LOOK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        looker.shutdown(); // no new look; an install under way finishes its transaction
        if (!looker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "An mb:dev install did not end within 30 s of the SDK stopping; "
                    + "it is interrupted");
            looker.shutdownNow();
        }
    }

    @Override
    public DevWatch watch(Path directory) throws SdkException {
        Path folder = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new SdkException(folder + " is not a folder; give the plugin project's folder (the one with "
                    + "pom.xml), e.g. mb:dev ~/org.acme.notes.");
        }
        ProjectWatch watch = new ProjectWatch(folder);
        if (watches.putIfAbsent(folder, watch) != null) {
            throw new SdkException(folder + " is watched already; mb:dev lists what is watched.");
        }
        return watch.snapshot();
    }

    /** Waits for an install of that project under way: after "Stopped watching" nothing of it is installed. */
    @Override
    public boolean stop(Path directory) {
        ProjectWatch watch = watches.remove(directory.toAbsolutePath().normalize());
        if (watch == null) {
            return false;
        }
        watch.stop();
        return true;
    }

    @Override
    public List<DevWatch> watches() {
        return watches.values().stream().map(ProjectWatch::snapshot)
                .sorted((a, b) -> a.directory().compareTo(b.directory())).toList();
    }

    private void lookAll() {
        for (ProjectWatch watch : watches.values()) {
            Optional<ProjectWatch.Seen> jar;
            try {
                jar = watch.look(System.currentTimeMillis());
            } catch (RuntimeException e) {
                watch.record(new DevUpdate(Instant.now(), false, null, "could not look at the build output: " + e,
                        -1));
                continue;
            }
            try {
                jar.ifPresent(seen -> watch.installUnlessStopped(() -> watch.record(takeUp(seen))));
            } catch (Throwable e) { // one watch's failure must not end the looking (the executor would drop it)
                watch.record(new DevUpdate(Instant.now(), false, null, "the install failed: " + e, -1));
            }
        }
    }

    private DevUpdate takeUp(ProjectWatch.Seen jar) {
        // replace: a developer's own build takes over from whatever source the plugin came from before
        InstallRequest request = new InstallRequest(List.of(jar.jar().toString()), false, true, ORIGIN, false,
                List.of(), true);
        try {
            InstallResult result = manager.install(request);
            Instant done = Instant.now();
            Optional<PluginInfo> plugin = result.plugins().stream().findFirst();
            return new DevUpdate(done, true, plugin.map(PluginInfo::version).orElse(null),
                    plugin.map(PluginInfo::state).orElse("unchanged (the same content is installed)"),
                    done.toEpochMilli() - jar.modifiedMillis());
        } catch (RuntimeException e) { // PluginException: refused; anything else: the install failed
            Instant done = Instant.now();
            String message = e instanceof PluginException ? e.getMessage() : "the install failed: " + e;
            return new DevUpdate(done, false, null, message, done.toEpochMilli() - jar.modifiedMillis());
        }
    }
}
