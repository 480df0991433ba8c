package org.milkbottle.core.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginConfiguration;
import org.milkbottle.core.internal.config.ConfigurationMigrator;
import org.milkbottle.core.internal.config.MetatypeOwners;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.Transaction;
import org.milkbottle.core.internal.install.AbandonedBundles;
import org.milkbottle.core.internal.install.ArtifactFetcher;
import org.milkbottle.core.internal.install.ContentJudge;
import org.milkbottle.core.internal.install.CrashRecovery;
import org.milkbottle.core.internal.install.DeployOwnership;
import org.milkbottle.core.internal.install.InstallResolution;
import org.milkbottle.core.internal.install.PluginRepositories;
import org.milkbottle.core.internal.install.RepositoryDownloads;
import org.milkbottle.core.internal.install.RepositoryUpdates;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.milkbottle.perf.api.InstallTimings;
import org.milkbottle.core.internal.install.RequestFetcher;
import org.milkbottle.core.internal.install.RequestPreparation;
import org.milkbottle.api.PluginUpdate;
import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.core.internal.install.BundleStarter;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.core.internal.install.RequirementExplainer;
import org.milkbottle.core.internal.install.StateRestorer;
import org.milkbottle.core.internal.install.TransactionEngine;
import org.milkbottle.core.internal.install.TransactionThread;
import org.milkbottle.core.internal.store.StateLock;
import org.milkbottle.core.internal.backup.RestoredConfigurations;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.core.internal.store.ManagedState;
import org.milkbottle.core.internal.store.RuntimeLock;
import org.milkbottle.core.internal.store.TransactionLog;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.repository.Repository;
import org.osgi.service.resolver.Resolver;

/**
 * The one install pipeline: every change — from the shell, the deploy folder or any other client — is
 * fetched, planned, applied inside a journaled transaction, started, and committed to history, or
 * undone completely. Changes are serialised: one transaction at a time.
 */
@Component(service = PluginManager.class, immediate = true, configurationPid = PluginManagerConfig.PID)
@Designate(ocd = PluginManagerConfig.class)
public class PluginManagerImpl implements PluginManager {

    private static final System.Logger LOG = System.getLogger(PluginManagerImpl.class.getName());

    /** Transactions and recovery hold it; so does a backup (mb:backup), to copy the state between two of them. */
    @Reference
    private StateLock lock;

    /** Configurations a restored backup brought back are in ConfigurationAdmin before any plugin starts. */
    @Reference
    private RestoredConfigurations restoredConfigurations;
    /** Transactions run there, out of reach of interrupts aimed at the command that asked (Ctrl-C). */
    private final TransactionThread transactionThread = new TransactionThread();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "milkbottle-plugin-manager");
        thread.setDaemon(true);
        return thread;
    });

    @Reference
    private ServiceComponentRuntime scr;

    @Reference
    private Validator validator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginConfiguration configuration;

    /** Who designates which configuration: a migration may touch only its plugin's own. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MetaTypeService metaType;

    /** Where plugins' configurations are, for the migrations an update applies (none without it). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;

    /** Starts the runtime bundles the prompt does not need once the plugins have started. */
    @Reference
    private RuntimeStages stages;

    /** The perf bundle, told how long each install phase took. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile InstallTimings installTimings;

    private volatile PluginManagerConfig config;
    private String runtimeVersion;
    private ManagedBundles managed;
    private ArtifactStore store;
    private ManagedState state;
    private RuntimeLock runtimeLock;
    private RequirementExplainer explainer;
    private TransactionLog log;
    private ArtifactFetcher fetcher;
    private BundleStarter starter;
    private PluginLookup lookup;
    private PluginReports reports;
    private TransactionEngine transactions;
    private RequestPreparation preparation;
    private InstallRequests requests;
    private BundleContext context;
    private final PluginRepositories repositories = new PluginRepositories();

    /** Plans every change (the Felix resolver); greedy, so that a better-ranked resolver is taken up. */
    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Resolver resolver;
    private final CountDownLatch recovered = new CountDownLatch(1);
    private volatile ServiceRegistration<Condition> pluginsStarted;

    /** The plugin repositories: one service per configured marketplace or folder, and the embedded marketplace. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRepository(Repository repository, ServiceReference<Repository> reference) {
        repositories.add(repository, reference);
    }

    void removeRepository(Repository repository) {
        repositories.remove(repository);
    }

    @Activate
    void activate(BundleContext context, PluginManagerConfig config) {
        this.context = context;
        repositories.runtimeBundles(context.getBundles());
        Path data = DataDirectory.of(context);
        this.runtimeLock = RuntimeLock.acquire(data);
        try {
            open(data, config);
        } catch (RuntimeException e) {
            // a start that fails (a damaged state file) must not keep the folder locked: the console checks the
            // files again to say which one is damaged, and the next start must not be taken for a second runtime
            executor.shutdownNow();
            runtimeLock.close();
            throw e;
        }
    }

    private void open(Path data, PluginManagerConfig config) {
        this.runtimeVersion = RuntimeCapability.version(context).toString();
        this.store = new ArtifactStore(data.resolve("artifacts"));
        store.removeLeftovers(); // what requests killed with the runtime had fetched; none can run yet
        this.state = new ManagedState(data);
        this.log = new TransactionLog(data);
        // starts and stops run on the executor with a time limit; what never returns is abandoned, not waited for
        this.managed = new ManagedBundles(context, new AbandonedBundles(context, data, executor), executor,
                this::startTimeout);
        this.managed.load(state.all(), log.inFlight().isEmpty());
        this.starter = new BundleStarter(executor, scr, managed.abandoned());
        this.lookup = new PluginLookup(context);
        this.reports = new PluginReports(managed, lookup, runtimeVersion, () -> health, () -> configuration);
        this.explainer = new RequirementExplainer(runtimeVersion);
        this.transactions = new TransactionEngine(managed, state, log, this::restorer, this::startTimeout, this::info,
                data, new ConfigurationMigrator(() -> configurationAdmin,
                        new MetatypeOwners(context, () -> metaType, name -> managed.find(name))));
        this.preparation = new RequestPreparation(new RequestFetcher(() -> this.fetcher), repositories,
                new InstallResolution(() -> this.resolver, explainer),
                new RepositoryDownloads(() -> this.fetcher, store, executor), managed::everything);
        this.requests = new InstallRequests(stages, store, preparation, managed, transactions, validator, starter,
                explainer, this::startTimeout, () -> installTimings, this::withLock);
        modified(config);
        // recovery may refresh and restart bundles; it runs off the activating thread so the framework
        // can go on starting, and every operation waits for it
        executor.execute(this::recover);
    }

    @Modified
    void modified(PluginManagerConfig config) {
        this.config = config;
        this.fetcher = ArtifactFetcher.configured(store, config);
    }

    @Deactivate
    void deactivate() {
        // a stop right after start-up (a batch of commands that do not wait for plugins) must not cut recovery
        // short: it would leave the work to the next start, with nothing started in between
        try {
            if (!recovered.await(startTimeout().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Stopping while recovery is still running; the next start "
                        + "finishes it.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ServiceRegistration<Condition> started = pluginsStarted;
        if (started != null) {
            try {
                started.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        executor.shutdownNow();
        transactionThread.close();
        runtimeLock.close();
    }

    /**
     * Resolves the plugins that stay stopped, as they were before the restart (Felix resolves a bundle when it
     * starts it): mb:list shows them RESOLVED, and INSTALLED only for one that cannot resolve. The plugins run by
     * now: a failure here (a stop under way, say) is no failed recovery.
     */
    private void resolveStopped() {
        try {
            managed.resolve(managed.all().stream().filter(bundle -> bundle.getState() == Bundle.INSTALLED).toList());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "The stopped plugins were not resolved: " + e);
        }
    }

    private Duration startTimeout() {
        return Duration.ofMillis(Math.max(100, (long) (config.startTimeoutSeconds() * 1000)));
    }

    /**
     * Finishes what a crash interrupted and puts back what the framework cache lost, holding the lock; then opens
     * the start gate, so that only committed plugins ever start. Requests wait for it.
     */
    private void recover() {
        lock.lock();
        String outcome = PluginsStarted.RECOVERED;
        try {
            if (!CrashRecovery.recover(log, state, managed, restorer(), startTimeout())) {
                restorer().reinstallMissing(state.all(), startTimeout()).forEach(line -> LOG.log(
                        line.contains("could not") ? System.Logger.Level.ERROR : System.Logger.Level.WARNING, line));
            }
            restorer().markAsRecorded(state.all()).forEach(line -> LOG.log(System.Logger.Level.WARNING, line));
            managed.gate().open(startTimeout().multipliedBy(2).plusSeconds(5));
            resolveStopped();
        } catch (RuntimeException e) {
            outcome = "Recovery failed, so no plugin was started (nothing uncommitted may run): " + e
                    + ". Restart the runtime; if this repeats, restore the data folder from a backup.";
            LOG.log(System.Logger.Level.ERROR, outcome, e);
        } finally {
            lock.unlock();
            // the outcome goes with the condition: commands run either way, readiness (/health/ready) fails
            pluginsStarted = PluginsStarted.register(context, outcome);
            recovered.countDown();
            stages.pluginsStarted();
        }
    }

    @Override
    public InstallPlan plan(InstallRequest request) {
        awaitRecovery();
        return requests.plan(request);
    }

    @Override
    public InstallResult install(InstallRequest request) {
        awaitRecovery();
        return requests.install(request);
    }

    @Override
    public InstallResult update(String plugin, Optional<String> source, String origin) {
        return update(plugin, source, origin, false);
    }

    @Override
    public InstallResult update(String plugin, Optional<String> source, String origin, boolean replace) {
        awaitRecovery();
        Bundle bundle = managedBundle(plugin, "update");
        String from = source.filter(s -> !s.isBlank())
                .orElseGet(() -> managed.record(bundle.getSymbolicName()).map(BundleSnapshot::source).orElseThrow(
                        () -> new PluginException("MilkBottle does not know where " + plugin + " came from; give a "
                                + "file or URL: mb:update " + plugin + " SOURCE")));
        return requests.update(bundle, from, origin, replace);
    }

    @Override
    public InstallResult uninstall(String plugin, String origin) {
        awaitRecovery();
        Bundle bundle = managedBundle(plugin, "uninstall");
        String name = bundle.getSymbolicName();
        managed.record(name).flatMap(record -> DeployOwnership.uninstallRefusal(record, origin)).ifPresent(refusal -> {
            throw new PluginException(refusal);
        });
        List<String> users = Dependents.of(bundle);
        if (!users.isEmpty()) {
            throw new PluginException(name + " is used by " + String.join(", ", users) + "; uninstall those first.");
        }
        String version = bundle.getVersion().toString();
        return withLock(() -> transactions.run("uninstall", name, origin, before -> {
            managed.remove(bundle);
            managed.refresh();
            return new InstallPlan(List.of(new PlannedChange(PlannedChange.Action.UNINSTALL, name, version, null,
                    null)), List.of());
        }));
    }

    @Override
    public PluginInfo start(String plugin) {
        awaitRecovery();
        Bundle bundle = lookup.find(plugin);
        return withLock(() -> {
            try {
                starter.start(bundle, startTimeout());
            } catch (PluginException e) {
                managed.stopQuietly(bundle);
                transactions.recordIfAbandoned("start", bundle, e);
                throw e;
            } finally {
                recordLiveState(bundle);
            }
            return info(bundle);
        });
    }

    @Override
    public PluginInfo stop(String plugin) {
        awaitRecovery();
        Bundle bundle = lookup.find(plugin);
        if (!ManagedBundles.isManaged(bundle)) {
            throw new PluginException(bundle.getSymbolicName() + " is part of the MilkBottle runtime; mb:stop only "
                    + "stops plugins.");
        }
        return withLock(() -> {
            try {
                managed.stop(bundle);
            } catch (PluginException e) {
                transactions.recordIfAbandoned("stop", bundle, e);
                throw e;
            } finally {
                recordLiveState(bundle);
            }
            return info(bundle);
        });
    }

    @Override
    public List<PluginUpdate> outdated() {
        return new RepositoryUpdates(repositories, RuntimeCapability.attributes(context).orElse(Map.of()))
                .outdated(list(false));
    }

    @Override
    public InstallResult updateAll(boolean simulate, String origin) {
        List<PluginUpdate> updates = outdated();
        if (updates.isEmpty()) {
            throw new PluginException("Every plugin installed by name is up to date; nothing was changed.");
        }
        return install(new InstallRequest(RepositoryUpdates.sources(updates), simulate, true, origin));
    }

    @Override
    public List<PluginInfo> list(boolean includeRuntime) {
        awaitRecovery();
        return reports.list(includeRuntime);
    }

    @Override
    public List<BundleSnapshot> installed() {
        awaitRecovery();
        return managed.snapshot();
    }

    @Override
    public PluginDetails details(String plugin) {
        awaitRecovery();
        return reports.details(plugin);
    }

    @Override
    public List<Transaction> history() {
        awaitRecovery();
        return log.history();
    }

    @Override
    public InstallResult rollback(Optional<Long> id) {
        awaitRecovery();
        return withLock(() -> transactions.rollback(id));
    }

    /**
     * Records whether a plugin started or stopped by hand runs, as it ended up (also when the start or stop failed:
     * an activator's stop() that throws still leaves it stopped), so that the next launch, which marks the plugins
     * started as recorded, brings it back as it is now. An abandoned plugin is left to its transaction's record.
     */
    private void recordLiveState(Bundle bundle) {
        if (!managed.abandoned().contains(bundle)) {
            state.recordStarted(bundle.getSymbolicName(),
                    bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING);
        }
    }

    private Bundle managedBundle(String plugin, String verb) {
        Bundle bundle = lookup.find(plugin);
        if (!ManagedBundles.isManaged(bundle)) {
            throw new PluginException(bundle.getSymbolicName() + " is part of the MilkBottle runtime, not a plugin; "
                    + "mb:" + verb + " works on plugins installed with mb:install or the deploy folder.");
        }
        return bundle;
    }

    private PluginInfo info(Bundle bundle) {
        return reports.info(bundle);
    }

    private StateRestorer restorer() {
        return new StateRestorer(managed, store, starter, new ContentJudge(validator, store)::reapprove);
    }

    private void awaitRecovery() {
        try {
            recovered.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginException("Interrupted while waiting for the plugin manager to start.", e);
        }
    }

    private <T> T withLock(Supplier<T> work) {
        return transactionThread.run(() -> {
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        });
    }
}
