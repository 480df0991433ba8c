package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginException;
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
 * identity whether it came from the shell or the deploy folder.
 */
public final class ManagedBundles {

    /** Location prefix of managed bundles. */
    public static final String LOCATION_PREFIX = "milkbottle:";

    private static final System.Logger LOG = System.getLogger(ManagedBundles.class.getName());

    private final BundleContext context;
    /** What MilkBottle knows of each managed bundle's content and origin, kept in step with every change. */
    private final Map<String, BundleSnapshot> known = new java.util.concurrent.ConcurrentHashMap<>();

    public ManagedBundles(BundleContext context) {
        this.context = context;
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
        return bundle.getLocation().startsWith(LOCATION_PREFIX);
    }

    /** The managed bundle with this symbolic name. */
    public Optional<Bundle> find(String symbolicName) {
        return Optional.ofNullable(context.getBundle(LOCATION_PREFIX + symbolicName))
                .filter(b -> b.getState() != Bundle.UNINSTALLED);
    }

    /** All managed bundles. */
    public List<Bundle> all() {
        return Arrays.stream(context.getBundles()).filter(ManagedBundles::isManaged).toList();
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
            boolean active = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
            out.add(new BundleSnapshot(name, bundle.getVersion().toString(),
                    record.map(BundleSnapshot::sha256).orElse(null), active,
                    record.map(BundleSnapshot::source).orElse(bundle.getLocation()),
                    record.map(BundleSnapshot::origin).orElse("unknown")));
        }
        return out;
    }

    /** Installs {@code artifact}, described by {@code record}, as a managed bundle. */
    public Bundle install(BundleSnapshot record, Path artifact) throws BundleException {
        try (InputStream in = Files.newInputStream(artifact)) {
            Bundle bundle = context.installBundle(LOCATION_PREFIX + record.symbolicName(), in);
            known.put(record.symbolicName(), record);
            // Plugins start in the same phase as the runtime itself. The framework's initial bundle start
            // level may be above the level it runs at (the bnd launcher sets it so), and a bundle above
            // the active level would never start.
            bundle.adapt(BundleStartLevel.class).setStartLevel(
                    context.getBundle().adapt(BundleStartLevel.class).getStartLevel());
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

    /** Refreshes bundles whose old revisions are still in use (after updates and uninstalls), and waits. */
    public void refresh() {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (wiring.getRemovalPendingBundles().isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Bundle refresh did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** Stops then uninstalls {@code bundle}; an error is thrown only if it stays installed. */
    public void remove(Bundle bundle) throws BundleException {
        known.remove(bundle.getSymbolicName());
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping " + bundle.getSymbolicName() + " failed: " + e.getMessage());
        }
        try {
            bundle.uninstall();
        } catch (IllegalStateException e) {
            // already uninstalled
        }
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
