package org.milkbottle.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.Dependency;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.core.internal.install.FilterRanges;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.core.internal.install.ManifestDescriptorReader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Finds plugins by the names users give them and describes installed bundles. */
final class PluginLookup {

    private final BundleContext context;
    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    PluginLookup(BundleContext context) {
        this.context = context;
    }

    /** The bundle a user means by {@code name}; see {@link BundleFinder}. */
    Bundle find(String name) {
        return BundleFinder.find(context, name);
    }

    PluginDescriptor descriptor(Bundle bundle) {
        try {
            return reader.read(bundle.getHeaders(""), bundle.getSymbolicName()).descriptor();
        } catch (PluginException e) {
            return new PluginDescriptor(bundle.getSymbolicName(), bundle.getVersion().toString(),
                    bundle.getHeaders().get("Bundle-Name"), null, null, null, null, null, null, List.of(), List.of(),
                    List.of(), null, null);
        }
    }

    PluginInfo info(Bundle bundle, Function<String, Optional<BundleSnapshot>> records, String health) {
        boolean managed = ManagedBundles.isManaged(bundle);
        PluginDescriptor descriptor = descriptor(bundle);
        String kind = !managed ? "runtime" : descriptor.isPlugin() ? "plugin" : "library";
        String source = managed
                ? records.apply(bundle.getSymbolicName()).map(BundleSnapshot::source).orElse("unknown")
                : "runtime";
        String name = descriptor.name() == null ? bundle.getSymbolicName() : descriptor.name();
        return new PluginInfo(bundle.getBundleId(), bundle.getSymbolicName(), name, bundle.getVersion().toString(),
                state(bundle), health, source, kind);
    }

    static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }

    /** The bundle's requirements and what is wired to them. */
    List<Dependency> dependencies(Bundle bundle) {
        List<Dependency> out = new ArrayList<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return out;
        }
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            String namespace = requirement.getNamespace();
            String filter = requirement.getDirectives().get("filter");
            boolean javaPackage = namespace.equals("osgi.wiring.package")
                    && String.valueOf(FilterRanges.valueOf(filter, namespace)).startsWith("java.");
            if (namespace.equals("osgi.ee") || namespace.equals("osgi.identity") || javaPackage
                    || !"resolve".equals(requirement.getDirectives().getOrDefault("effective", "resolve"))) {
                continue; // the JVM's own packages, and requirements the resolver does not wire
            }
            String provider = null;
            if (wiring != null) {
                for (BundleWire wire : wiring.getRequiredWires(namespace)) {
                    if (wire.getRequirement().equals(requirement)) {
                        Bundle p = wire.getProvider().getBundle();
                        provider = p.getSymbolicName() + " " + p.getVersion() + " [" + p.getBundleId() + "]";
                    }
                }
            }
            if (provider == null && wiring != null && exportsItself(revision, requirement)) {
                // a package the bundle exports and imports (substitutable): the resolver chose its own export and
                // left the import unwired, which is not a missing dependency
                provider = "itself (its own export) [" + bundle.getBundleId() + "]";
            }
            boolean optional = "optional".equals(requirement.getDirectives().get("resolution"));
            out.add(new Dependency(namespace, describe(namespace, filter), provider, optional));
        }
        return out;
    }

    private static boolean exportsItself(BundleRevision revision, BundleRequirement requirement) {
        return requirement.getNamespace().equals("osgi.wiring.package")
                && revision.getDeclaredCapabilities("osgi.wiring.package").stream().anyMatch(requirement::matches);
    }

    static String describe(String namespace, String filter) {
        return switch (namespace) {
            case "osgi.wiring.package" -> "package " + FilterRanges.valueOf(filter, namespace) + " "
                    + FilterRanges.rangeOf(filter, "version");
            case "osgi.wiring.bundle" -> "bundle " + FilterRanges.valueOf(filter, namespace) + " "
                    + FilterRanges.rangeOf(filter, "bundle-version");
            case RuntimeCapability.NAMESPACE -> "MilkBottle runtime " + FilterRanges.rangeOf(filter, "version");
            case "osgi.extender" -> "extender " + FilterRanges.valueOf(filter, namespace) + " "
                    + FilterRanges.rangeOf(filter, "version");
            case "osgi.service" -> "service " + FilterRanges.valueOf(filter, "objectClass");
            default -> namespace + (filter == null ? "" : " " + filter);
        };
    }

    /** The shell commands the bundle registers, as {@code scope:function}. */
    static List<String> commands(Bundle bundle) {
        List<String> out = new ArrayList<>();
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services == null) {
            return out;
        }
        for (ServiceReference<?> service : services) {
            Object scope = service.getProperty("osgi.command.scope");
            Object functions = service.getProperty("osgi.command.function");
            if (scope == null || functions == null) {
                continue;
            }
            List<Object> names = functions instanceof Object[] array ? Arrays.asList(array)
                    : functions instanceof Collection<?> c ? new ArrayList<>(c) : List.of(functions);
            names.forEach(f -> out.add(scope + ":" + f));
        }
        return out.stream().sorted().distinct().toList();
    }
}
