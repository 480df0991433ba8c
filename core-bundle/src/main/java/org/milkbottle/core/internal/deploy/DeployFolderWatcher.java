package org.milkbottle.core.internal.deploy;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.Transaction;
import org.milkbottle.core.internal.store.FileDigest;
import org.milkbottle.core.internal.install.DeployOwnership;
import org.milkbottle.perf.api.TaskExecutor;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Watches the deploy folder (file-system events, not polling): a jar dropped in is installed and
 * started, a replaced jar updates its plugin, a deleted jar uninstalls it — all through
 * {@link PluginManager}, the same pipeline as the shell. A file is taken only once it is complete, so a
 * half-copied jar is never installed; files whose names start with '.' or end in .part/.tmp/.crdownload
 * are ignored, so tools that copy under a temporary name and rename work too.
 */
@Component(immediate = true, configurationPid = DeployFolderConfig.PID, service = DeployFolderWatcher.class)
@Designate(ocd = DeployFolderConfig.class)
public class DeployFolderWatcher {

    static final String ORIGIN = DeployOwnership.ORIGIN;
    /**
     * Event posted (OSGi EventAdmin, when present) each time the watcher has nothing left to do: properties
     * {@code folder} (absolute path) and {@code handled} (files handed to the plugin manager since it
     * started watching). Lets scripts and tests wait for the folder to settle instead of sleeping.
     */
    public static final String IDLE_TOPIC = "org/milkbottle/deploy/IDLE";
    private static final System.Logger LOG = System.getLogger(DeployFolderWatcher.class.getName());

    @Reference
    private PluginManager manager;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin events;

    /** This bundle's share of the perf bundle's pool: a burst of jars is validated on it in parallel. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TaskExecutor tasks;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Validator validator;

    private DeployFolderConfig config;
    private Path folder;
    private long handedOver;
    private final Map<Path, FileState> pending = new HashMap<>();
    /** SHA-free identity of what was last handed to the manager per file, so a failing file is not retried in a loop. */
    private final Map<Path, FileState> handled = new HashMap<>();
    private volatile boolean running = true;
    /** Counted down once the folder as found at start has been applied (or there is nothing to watch). */
    private final CountDownLatch firstPass = new CountDownLatch(1);
    private WatchService watcher;
    private Thread thread;

    @Activate
    void activate(BundleContext context, DeployFolderConfig config) throws IOException {
        this.config = config;
        String configured = !config.directory().isBlank() ? config.directory() : context.getProperty("milkbottle.deploy");
        this.folder = Path.of(configured == null || configured.isBlank() ? "deploy" : configured).toAbsolutePath()
                .normalize();
        if (!config.enabled()) {
            firstPass.countDown();
            return;
        }
        Files.createDirectories(folder);
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::loop, "milkbottle-deploy-folder");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits, at most {@code limit}, until the jars found in the folder at start have been handed to the plugin
     * manager (installed, updated or refused with a report) and the plugins whose jars are gone uninstalled.
     *
     * @return whether that is done
     */
    public boolean awaitFirstPass(Duration limit) throws InterruptedException {
        return firstPass.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        running = false;
        if (watcher != null) {
            watcher.close();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void loop() {
        LOG.log(System.Logger.Level.DEBUG, "Watching deploy folder " + folder);
        try {
            reconcile();
            while (running) {
                if (pending.isEmpty()) {
                    announceIdle();
                    firstPass.countDown();
                }
                WatchKey key = pending.isEmpty() ? watcher.take()
                        : watcher.poll(Math.max(1, config.quietMillis()), TimeUnit.MILLISECONDS);
                if (key != null) {
                    for (var event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            reconcile();
                        } else if (event.context() instanceof Path name) {
                            changed(folder.resolve(name));
                        }
                    }
                    key.reset();
                }
                processPending();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // deactivated
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "The deploy folder watcher stopped", e);
        } finally {
            firstPass.countDown(); // nobody is to wait for a watcher that has stopped
        }
    }

    private void announceIdle() {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(IDLE_TOPIC, Map.of("folder", folder.toString(), "handled", handedOver)));
        }
    }

    /** Brings the plugins in line with the folder as it is: after start, or when events were lost. */
    private void reconcile() {
        Set<Path> present = new HashSet<>();
        boolean atStart = firstPass.getCount() > 0;
        Map<String, Transaction> lastDeploys = atStart ? lastDeploys() : Map.of();
        Map<Path, String> installedFrom = atStart ? installedFrom() : Map.of();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (isCandidate(file)) {
                    present.add(file);
                    changed(file);
                    if (pending.get(file) != null && (refusedUnchanged(file, lastDeploys.get(file.toString()))
                            || installedAlready(file, installedFrom.get(file)))) {
                        handled.put(file, pending.get(file)); // tried again only once the file changes
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list deploy folder " + folder + ": " + e.getMessage());
        }
        for (BundleSnapshot plugin : manager.installed()) {
            Path source = sourceFile(plugin);
            if (source != null && !present.contains(source)) {
                remove(source);
            }
        }
    }

    /** The deploy folder's last transaction for each file, from the history (a runtime's first look). */
    private Map<String, Transaction> lastDeploys() {
        Map<String, Transaction> last = new HashMap<>();
        for (Transaction transaction : manager.history()) {
            if (ORIGIN.equals(transaction.origin())) {
                last.merge(transaction.subject(), transaction, (a, b) -> b.id() > a.id() ? b : a);
            }
        }
        return last;
    }

    /**
     * The SHA-256 of the plugin installed from each file of this folder, by file. A file two plugins came from (a
     * jar replaced by another plugin whose old one could not be uninstalled) maps to no SHA-256: the pipeline sorts
     * it out.
     */
    private Map<Path, String> installedFrom() {
        Map<Path, String> installed = new HashMap<>();
        Set<Path> shared = new HashSet<>();
        for (BundleSnapshot plugin : manager.installed()) {
            Path source = sourceFile(plugin);
            if (source != null) {
                if (installed.containsKey(source)) {
                    shared.add(source);
                }
                installed.put(source, plugin.sha256());
            }
        }
        shared.forEach(installed::remove);
        return installed;
    }

    /**
     * Whether {@code file} holds the plugin installed from it already, byte for byte: nothing to do at start. Handing
     * it to the pipeline again would wait for the repositories to start (a batch waits for this first pass) and would
     * start the plugin again if it was stopped (mb:stop holds across restarts, as for any other plugin).
     */
    private static boolean installedAlready(Path file, String installedSha256) {
        return installedSha256 != null && FileDigest.sha256(file).filter(installedSha256::equals).isPresent();
    }

    /** Whether {@code file} was refused by an earlier run and has not changed since. */
    private static boolean refusedUnchanged(Path file, Transaction last) {
        try {
            return last != null && last.status() == Transaction.Status.FAILED
                    && Files.getLastModifiedTime(file).toInstant().isBefore(last.time());
        } catch (IOException e) {
            return false;
        }
    }

    private void changed(Path file) {
        if (!isCandidate(file)) {
            return;
        }
        if (!Files.exists(file)) {
            pending.remove(file);
            handled.remove(file);
            remove(file);
            return;
        }
        FileState state = FileState.read(file, pending.get(file));
        if (state != null) {
            pending.put(file, state);
        }
    }

    private void processPending() {
        List<Path> ready = new ArrayList<>();
        for (Path file : List.copyOf(pending.keySet())) {
            FileState state = FileState.read(file, pending.get(file));
            if (state == null) {
                pending.remove(file);
                continue;
            }
            pending.put(file, state);
            if (!state.quietFor(config.quietMillis())) {
                continue;
            }
            if (!FileState.isCompleteZip(file)) {
                if (state.quietFor(config.brokenAfterMillis())) {
                    pending.remove(file);
                    handled.put(file, state);
                    ready.add(file); // let the pipeline refuse it with its explanation, recorded in history
                }
                continue;
            }
            pending.remove(file);
            if (state.equals(handled.get(file))) {
                continue;
            }
            handled.put(file, state);
            ready.add(file);
        }
        BurstValidation.prevalidate(ready, tasks, validator);
        ready.forEach(this::deploy);
    }

    private void deploy(Path file) {
        handedOver++;
        String source = file.toString();
        try {
            List<BundleSnapshot> installed = manager.installed();
            if (isCopy(file, installed)) {
                return;
            }
            List<BundleSnapshot> from = installed.stream().filter(p -> file.equals(sourceFile(p))).toList();
            List<String> before = from.stream().map(BundleSnapshot::symbolicName).toList();
            // installing a plugin that is there already updates it; one stopped with mb:stop stays stopped, as
            // with mb:update
            boolean start = from.isEmpty() || from.stream().anyMatch(BundleSnapshot::active);
            var result = manager.install(new InstallRequest(List.of(source), false, start, ORIGIN));
            for (String old : before) {
                if (result.plan().changes().stream().noneMatch(c -> c.symbolicName().equals(old))) {
                    manager.uninstall(old, ORIGIN); // the file now holds another plugin
                }
            }
            if (result.plan().changes().stream().anyMatch(c -> c.action() != PlannedChange.Action.UNCHANGED)) {
                LOG.log(System.Logger.Level.INFO, "Deployed " + file.getFileName());
            }
        } catch (PluginException e) {
            LOG.log(System.Logger.Level.WARNING, "Deploying " + file.getFileName() + " failed: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Deploying " + file.getFileName() + " failed", e);
        }
    }

    /**
     * Whether {@code file} holds, byte for byte, a plugin this folder installed from another of its files: then it
     * is not handed over at all (an install of the same content would start the plugin if it was stopped), and the
     * log says so.
     */
    private boolean isCopy(Path file, List<BundleSnapshot> installed) {
        for (BundleSnapshot plugin : installed) {
            Path installedFrom = sourceFile(plugin);
            if (installedFrom != null && !installedFrom.equals(file) && plugin.sha256() != null
                    && FileDigest.sha256(file).filter(plugin.sha256()::equals).isPresent()) {
                LOG.log(System.Logger.Level.WARNING, file.getFileName() + " holds " + plugin.symbolicName() + " "
                        + plugin.version() + ", which the deploy folder installed from " + installedFrom.getFileName()
                        + " already: nothing was changed. Delete one of the two jars (deleting "
                        + installedFrom.getFileName() + " uninstalls the plugin).");
                return true;
            }
        }
        return false;
    }

    private void remove(Path file) {
        for (BundleSnapshot plugin : manager.installed()) {
            if (file.equals(sourceFile(plugin))) {
                handedOver++;
                try {
                    manager.uninstall(plugin.symbolicName(), ORIGIN);
                    LOG.log(System.Logger.Level.INFO, "Undeployed " + file.getFileName());
                } catch (PluginException e) {
                    LOG.log(System.Logger.Level.WARNING, "Undeploying " + file.getFileName() + " failed: "
                            + e.getMessage());
                }
            }
        }
    }

    private Path sourceFile(BundleSnapshot plugin) {
        try {
            Path source = Path.of(plugin.source()).toAbsolutePath().normalize();
            return folder.equals(source.getParent()) ? source : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean isCandidate(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jar") && !name.startsWith(".");
    }
}
