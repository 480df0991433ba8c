package org.milkbottle.perf.internal.monitor;

import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.HostNamespace;

/**
 * Keeps a {@link PackageIndex} of the installed bundles' own packages (all but the system bundle). Bundle events
 * only queue work; a bundle's packages are listed lazily, on the sampler thread at its next sample, so that
 * listing the content of every bundle costs nothing at start-up and nothing on the framework's event thread.
 * A bundle is listed again when it is resolved or updated again, and dropped when it is unresolved or
 * uninstalled; one that is not resolved has no wiring and is left out until it resolves. A fragment's classes
 * count as its host's.
 */
final class BundlePackageIndexer implements BundleListener {

    private static final System.Logger LOG = System.getLogger(BundlePackageIndexer.class.getName());

    private final BundleContext context;
    private static final String MANAGED_PREFIX = "milkbottle:";
    private final PackageIndex index = new PackageIndex(this::holds);
    /** Bundle events in the order they came, so that the bundle resolved last is indexed last and wins a split package. */
    private final Queue<Change> changes = new ConcurrentLinkedQueue<>();

    BundlePackageIndexer(BundleContext context) {
        this.context = context;
    }

    /** Starts listening and queues every installed bundle for indexing, in id order. */
    void open() {
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0) {
                changes.add(new Change(bundle.getBundleId(), true));
            }
        }
    }

    void close() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        long id = event.getBundle().getBundleId();
        if (id == 0) {
            return;
        }
        switch (event.getType()) {
        case BundleEvent.RESOLVED, BundleEvent.UPDATED -> changes.add(new Change(id, true));
        case BundleEvent.UNRESOLVED, BundleEvent.UNINSTALLED -> changes.add(new Change(id, false));
        default -> {
            // Starting and stopping do not change a bundle's content.
        }
        }
    }

    /** Applies the queued changes. Sampler thread only. */
    void refresh() {
        Set<Long> toList = new LinkedHashSet<>();
        for (Change change; (change = changes.poll()) != null;) {
            toList.remove(change.bundleId);
            if (change.list) {
                toList.add(change.bundleId);
            } else {
                index.remove(change.bundleId);
            }
        }
        for (long id : toList) {
            Bundle bundle = context.getBundle(id);
            if (bundle == null) {
                index.remove(id);
                continue;
            }
            try {
                if (isFragment(bundle)) {
                    // The host lists the fragment's classes as its own; list the hosts again (last, so they win).
                    for (Bundle host : hostsOf(bundle)) {
                        list(host);
                    }
                } else {
                    list(bundle);
                }
            } catch (RuntimeException e) {
                // A bundle uninstalled meanwhile throws IllegalStateException; its UNINSTALLED event follows.
                LOG.log(System.Logger.Level.DEBUG, "Could not list the classes of bundle " + id + ": " + e);
            }
        }
    }

    /** Whether the bundle's own content (class path, fragments) has the class; asked only for split packages. */
    private boolean holds(long bundleId, String className) {
        Bundle bundle = context.getBundle(bundleId);
        BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        int dot = className.lastIndexOf('.');
        String folder = dot < 0 ? "/" : "/" + className.substring(0, dot).replace('.', '/');
        String file = className.substring(dot + 1) + ".class";
        Collection<String> found = wiring.listResources(folder, file, BundleWiring.LISTRESOURCES_LOCAL);
        if (found != null && !found.isEmpty()) {
            return true;
        }
        // a multi-release jar may hold the class only under META-INF/versions/N/
        Enumeration<URL> versioned = bundle.findEntries("META-INF/versions", file, true);
        String suffix = folder.equals("/") ? "/" + file : folder + "/" + file;
        while (versioned != null && versioned.hasMoreElements()) {
            String path = versioned.nextElement().getPath();
            if (path.endsWith(suffix) && path.substring(0, path.length() - suffix.length()).matches(
                    "/?META-INF/versions/\\d+")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether MilkBottle's plugin manager installed the bundle (a plugin, or a library it brought): its location
     * starts with {@code milkbottle:}, as {@code org.milkbottle.validation.api.ManagedLocation} defines (not imported:
     * the perf bundle depends on no other MilkBottle bundle).
     */
    boolean isPlugin(long bundleId) {
        Bundle bundle = context.getBundle(bundleId);
        return bundle != null && bundle.getLocation() != null && bundle.getLocation().startsWith(MANAGED_PREFIX);
    }

    /** Class name → bundle id. Sampler thread only. */
    long ownerOf(String className) {
        return index.ownerOf(className);
    }

    private void list(Bundle bundle) {
        Set<String> packages = packagesOf(bundle);
        if (packages == null) {
            index.remove(bundle.getBundleId());
        } else {
            index.put(bundle.getBundleId(), packages);
        }
    }

    /** The packages of a bundle's own classes (its class path and attached fragments), null without wiring. */
    private static Set<String> packagesOf(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return null;
        }
        Collection<String> resources = wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_LOCAL | BundleWiring.LISTRESOURCES_RECURSE);
        if (resources == null) {
            return null;
        }
        Set<String> packages = new HashSet<>();
        for (String path : resources) {
            add(packages, path);
        }
        // The spec counts attached fragments as local content; reading their entries too costs little and does
        // not depend on how a framework lays out a host's class path.
        for (BundleWire wire : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE)) {
            Enumeration<URL> entries = wire.getRequirer().getBundle().findEntries("/", "*.class", true);
            while (entries != null && entries.hasMoreElements()) {
                add(packages, entries.nextElement().getPath());
            }
        }
        return packages;
    }

    private static void add(Set<String> packages, String path) {
        String pkg = PackageIndex.packageOfResource(path);
        if (pkg != null) {
            packages.add(pkg);
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static Set<Bundle> hostsOf(Bundle fragment) {
        Set<Bundle> hosts = new LinkedHashSet<>();
        BundleWiring wiring = fragment.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getRequiredWires(HostNamespace.HOST_NAMESPACE)) {
                hosts.add(wire.getProvider().getBundle());
            }
        }
        return hosts;
    }

    private record Change(long bundleId, boolean list) {
    }
}
