package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginException;
import org.milkbottle.validation.api.ManagedLocation;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The bundles MilkBottle installed, as the framework holds them. MilkBottle marks them with the location
 * {@code milkbottle:SYMBOLIC-NAME}, so it never touches the runtime's own bundles, and a plugin keeps its
 * identity whether it came from the shell or the deploy folder. Bundles whose start or stop never returned
 * ({@link AbandonedBundles}) are left out of every view here, so no transaction calls into Felix on them.
 */
public final class ManagedBundles {

    /** Location prefix of managed bundles (the validation API's, which the veto guard uses too). */
    public static final String LOCATION_PREFIX = ManagedLocation.PREFIX;

    private static final System.Logger LOG = System.getLogger(ManagedBundles.class.getName());

    private final BundleContext context;
    private final AbandonedBundles abandoned;
    private final BundleStopper stopper;
    private final Supplier<Duration> limit;
    private final StartGate gate;
    /** What MilkBottle knows of each managed bundle's content and origin, kept in step with every change. */
    private final Map<String, BundleSnapshot> known = new ConcurrentHashMap<>();

    /**
     * @param workers runs lifecycle calls that may block, so that callers can stop waiting
     * @param limit how long a start, stop or refresh may take
     */
    public ManagedBundles(BundleContext context, AbandonedBundles abandoned, ExecutorService workers,
            Supplier<Duration> limit) {
        this.context = context;
        this.abandoned = abandoned;
        this.stopper = new BundleStopper(workers, abandoned, limit);
        this.limit = limit;
        this.gate = new StartGate(context);
    }

    /** Keeps plugins from starting before recovery; every managed bundle sits behind it. */
    public StartGate gate() {
        return gate;
    }

    /** The bundles whose start or stop did not return. */
    public AbandonedBundles abandoned() {
        return abandoned;
    }

    /**
     * Loads the records of the last committed state. When the runtime stopped in the middle of a
     * transaction, {@code trustContent} is false: the framework may hold other content than recorded, so
     * the SHA-256s are forgotten and a restore rewrites every bundle from the artifact store.
     */
    public void load(List<BundleSnapshot> records, boolean trustContent) {
        known.clear();
        for (BundleSnapshot record : records) {
            known.put(record.symbolicName(), trustContent ? record : new BundleSnapshot(record.symbolicName(),
                    record.version(), null, record.active(), record.source(), record.origin()));
        }
        all().forEach(gate::place); // a data folder from before the gate kept its plugins at the runtime's level
        abandoned.resume();
    }

    /** The SHA-256 of the artifact the managed bundle holds now, when known. */
    public Optional<String> currentSha(String symbolicName) {
        return Optional.ofNullable(known.get(symbolicName)).map(BundleSnapshot::sha256);
    }

    /** The record of a managed bundle. */
    public Optional<BundleSnapshot> record(String symbolicName) {
        return Optional.ofNullable(known.get(symbolicName));
    }

    /** Whether MilkBottle installed {@code bundle}. */
    public static boolean isManaged(Bundle bundle) {
        return ManagedLocation.isManaged(bundle);
    }

    /** The managed bundle with this symbolic name. */
    /** Whether the framework has begun to stop (or has stopped): no bundle starts any more. */
    public boolean frameworkStopping() {
        try {
            return (context.getBundle(0).getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0;
        } catch (IllegalStateException stopped) {
            return true; // the plugin manager's bundle stopped with it
        }
    }

    public Optional<Bundle> find(String symbolicName) {
        return Optional.ofNullable(context.getBundle(LOCATION_PREFIX + symbolicName))
                .filter(b -> b.getState() != Bundle.UNINSTALLED && !abandoned.contains(b));
    }

    /** All managed bundles, but the abandoned ones. */
    public List<Bundle> all() {
        return Arrays.stream(context.getBundles()).filter(ManagedBundles::isManaged)
                .filter(b -> !abandoned.contains(b)).toList();
    }

    /** All bundles in the framework. */
    public Bundle[] everything() {
        return context.getBundles();
    }

    /** The current state of the managed bundles. */
    public List<BundleSnapshot> snapshot() {
        List<BundleSnapshot> out = new ArrayList<>();
        for (Bundle bundle : all()) {
            String name = bundle.getSymbolicName();
            Optional<BundleSnapshot> record = record(name);
            // before the gate opens no plugin runs yet: whether it is started is whether Felix will start it (its
            // persistent mark). Read live, recovery at launch recorded every plugin as stopped in state.json
            boolean active = gate.isOpen() ? bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING
                    : markedStarted(bundle);
            out.add(new BundleSnapshot(name, bundle.getVersion().toString(),
                    record.map(BundleSnapshot::sha256).orElse(null), active,
                    record.map(BundleSnapshot::source).orElse(bundle.getLocation()),
                    record.map(BundleSnapshot::origin).orElse("unknown")));
        }
        return out;
    }

    private static boolean markedStarted(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    /** Installs {@code artifact}, described by {@code record}, as a managed bundle. */
    public Bundle install(BundleSnapshot record, Path artifact) throws BundleException {
        // Felix would hand back the abandoned bundle that still holds the location
        abandoned.refuseLocation(LOCATION_PREFIX + record.symbolicName());
        try (InputStream in = Files.newInputStream(artifact)) {
            Bundle bundle = context.installBundle(LOCATION_PREFIX + record.symbolicName(), in);
            known.put(record.symbolicName(), record);
            gate.place(bundle);
            return bundle;
        } catch (IOException e) {
            throw new BundleException("cannot read " + artifact + ": " + e.getMessage(), e);
        }
    }

    /** Replaces {@code bundle}'s content with {@code artifact}, described by {@code record}. */
    public void update(Bundle bundle, BundleSnapshot record, Path artifact) throws BundleException {
        known.put(record.symbolicName(), new BundleSnapshot(record.symbolicName(), record.version(), null,
                record.active(), record.source(), record.origin()));
        try (InputStream in = Files.newInputStream(artifact)) {
            bundle.update(in);
            known.put(record.symbolicName(), record);
        } catch (IOException e) {
            throw new BundleException("cannot read " + artifact + ": " + e.getMessage(), e);
        }
    }

    /** Resolves the given bundles; returns those that stay unresolved. */
    public List<Bundle> resolve(Collection<Bundle> bundles) {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        wiring.resolveBundles(bundles);
        return bundles.stream().filter(b -> b.getState() == Bundle.INSTALLED).toList();
    }

    /**
     * Refreshes bundles whose old revisions are still in use (after updates and uninstalls), and waits a bounded
     * time. A refresh that would include an abandoned bundle is put off: Felix would wait for that bundle's lock
     * while holding its global lock, and every later lifecycle call in the framework would wait behind it.
     */
    public void refresh() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        Collection<Bundle> pending = wiring.getRemovalPendingBundles();
        if (pending.isEmpty()) {
            return;
        }
        Collection<Bundle> affected = wiring.getDependencyClosure(pending);
        if (abandoned.anyIn(affected)) {
            LOG.log(System.Logger.Level.WARNING, "Refresh of " + names(pending) + " put off: it would stop "
                    + names(affected.stream().filter(abandoned::contains).toList()) + ", whose start or stop has not"
                    + " returned; the old revisions stay until a later refresh");
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(pending, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        Duration wait = refreshLimit(limit.get(), affected.size());
        try {
            if (!done.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Bundle refresh did not finish within " + wait.toSeconds()
                        + " s; going on without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A refresh stops and restarts every affected bundle: each may take up to the start limit. */
    static Duration refreshLimit(Duration startLimit, int affected) {
        return Duration.ofSeconds(10).plus(startLimit.multipliedBy(2L * Math.max(1, affected)));
    }

    private static String names(Collection<Bundle> bundles) {
        return String.join(", ", bundles.stream().map(Bundle::getSymbolicName).toList());
    }

    /** Orders bundles so that each comes after the bundles it is wired to (providers start first). */
    public static List<Bundle> startOrder(Collection<Bundle> bundles) {
        Map<Bundle, Set<Bundle>> providers = new LinkedHashMap<>();
        for (Bundle bundle : bundles) {
            Set<Bundle> wiredTo = new LinkedHashSet<>();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                for (BundleWire wire : wiring.getRequiredWires(null)) {
                    Bundle provider = wire.getProvider().getBundle();
                    if (bundles.contains(provider) && provider != bundle) {
                        wiredTo.add(provider);
                    }
                }
            }
            providers.put(bundle, wiredTo);
        }
        List<Bundle> ordered = new ArrayList<>();
        Set<Bundle> visiting = new LinkedHashSet<>();
        for (Bundle bundle : providers.keySet()) {
            visit(bundle, providers, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(Bundle bundle, Map<Bundle, Set<Bundle>> providers, List<Bundle> ordered,
            Set<Bundle> visiting) {
        if (ordered.contains(bundle) || !visiting.add(bundle)) {
            return; // done, or a cycle: any order within a cycle is as good as another
        }
        for (Bundle provider : providers.getOrDefault(bundle, Set.of())) {
            visit(provider, providers, ordered, visiting);
        }
        ordered.add(bundle);
    }

    /**
     * Stops then uninstalls {@code bundle}; an error is thrown only if it stays installed.
     *
     * @throws PluginException when its stop does not return within the limit (the bundle is then abandoned)
     */
    public void remove(Bundle bundle) throws BundleException {
        abandoned.refuse(bundle);
        known.remove(bundle.getSymbolicName());
        try {
            stopper.stop(bundle);
        } catch (PluginException e) {
            if (abandoned.contains(bundle)) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, e.getMessage());
        }
        try {
            bundle.uninstall();
        } catch (IllegalStateException e) {
            // already uninstalled
        }
    }

    /**
     * Stops {@code bundle} within the limit.
     *
     * @throws PluginException when the stop fails or does not return in time (the bundle is then abandoned)
     */
    public void stop(Bundle bundle) {
        stopper.stop(bundle);
    }

    /** Stops {@code bundle} within the limit; a failure is only logged. */
    public void stopQuietly(Bundle bundle) {
        stopper.stopQuietly(bundle);
    }

    /** Throws {@link PluginException} if {@code symbolicName} belongs to a runtime bundle. */
    public void refuseRuntimeName(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (!isManaged(bundle) && symbolicName.equals(bundle.getSymbolicName())) {
                throw new PluginException(symbolicName + " is the name of a bundle that is part of the MilkBottle runtime"
                        + " (bundle " + bundle.getBundleId() + "); a plugin cannot replace it. Rename the plugin's"
                        + " Bundle-SymbolicName.");
            }
        }
    }
}
