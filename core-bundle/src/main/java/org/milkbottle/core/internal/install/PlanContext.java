package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.milkbottle.api.MilkBottleHeaders;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.SharedPackages;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * What the OSGi resolver sees when planning a change: the bundles installed now (with their wirings,
 * which it must keep) except those the request replaces, the archives of the request (all mandatory),
 * and the resources of the plugin repositories. Providers are offered installed first, then the
 * request's, then the repositories' newest first, so nothing is downloaded that the runtime already has.
 * The same context answers {@link Offers} for explaining a requirement nothing meets.
 */
public final class PlanContext extends ResolveContext implements Offers {

    private final List<Resource> mandatory = new ArrayList<>();
    private final Map<Resource, Wiring> wirings = new HashMap<>();
    private final List<Resource> installed = new ArrayList<>();
    private final List<Resource> requested = new ArrayList<>();
    private final PluginRepositories.Session repositories;
    /** {@code NAME@VERSION} of everything installed or requested: a repository copy of one is never a candidate. */
    private final Set<String> present = new HashSet<>();

    /**
     * @param bundles the installed bundles
     * @param replaced symbolic names of managed bundles the request replaces (left out as providers)
     * @param archives the request's archives
     * @param wanted repository resources asked for by name
     * @param repositories the repositories to draw dependencies from, or {@code null} for none
     */
    public PlanContext(Bundle[] bundles, Set<String> replaced, List<BundleArchive> archives, List<Resource> wanted,
            PluginRepositories.Session repositories) {
        this.repositories = repositories;
        for (Bundle bundle : bundles) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || bundle.getState() == Bundle.UNINSTALLED
                    || (ManagedBundles.isManaged(bundle) && replaced.contains(bundle.getSymbolicName()))) {
                continue;
            }
            installed.add(revision);
            present.add(bundle.getSymbolicName() + "@" + bundle.getVersion());
            BundleWiring wiring = revision.getWiring();
            if (wiring != null) {
                wirings.put(revision, wiring);
            }
        }
        for (BundleArchive archive : archives) {
            ArchiveResource resource = new ArchiveResource(archive);
            requested.add(resource);
            mandatory.add(resource);
            present.add(archive.symbolicName() + "@" + PluginRepositories.version(resource));
        }
        mandatory.addAll(wanted);
    }

    /** The installed bundles only: for explaining why an installed bundle does not resolve. */
    public static PlanContext installed(Bundle[] bundles) {
        return new PlanContext(bundles, Set.of(), List.of(), List.of(), null);
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> all = new ArrayList<>(matches(installed, requirement));
        if (heldToSharedPackages(requirement.getResource())) {
            all.removeIf(PlanContext::isRuntimeOnly);
        }
        all.addAll(matches(requested, requirement));
        if (repositories != null) {
            for (Capability capability : repositories.providers(requirement)) {
                Resource resource = capability.getResource();
                if (!present.contains(PluginRepositories.identity(resource) + "@"
                        + PluginRepositories.version(resource)) || mandatory.contains(resource)) {
                    all.add(capability);
                }
            }
        }
        return all;
    }

    @Override
    public List<Offer> matching(String namespace, String filter) {
        List<Offer> offers = new ArrayList<>();
        for (Capability capability : findProviders(new PluginRepositories.Query(namespace, filter))) {
            Resource resource = capability.getResource();
            String where = requested.contains(resource) ? " (in this request)"
                    : installed.contains(resource) ? "" : " (in a repository)";
            offers.add(new Offer(capability.getNamespace(), capability.getAttributes(), label(resource) + where));
        }
        return offers;
    }

    /**
     * Whether the resolver hook will wire {@code requirer} to the runtime's bundles only through their shared
     * packages ({@link SharedPackages}): anything installed through MilkBottle, or to be, unless it declares
     * {@code framework}. A repository resource's permissions are not known here: it is held to them.
     */
    private static boolean heldToSharedPackages(Resource requirer) {
        if (requirer instanceof ArchiveResource archive) {
            return !archive.archive().descriptor().permissions().contains(Permissions.FRAMEWORK);
        }
        if (requirer instanceof BundleRevision revision) {
            Bundle bundle = revision.getBundle();
            return bundle != null && ManagedBundles.isManaged(bundle) && !ManifestDescriptorReader.list(
                    bundle.getHeaders("").get(MilkBottleHeaders.PERMISSIONS)).contains(Permissions.FRAMEWORK);
        }
        return true;
    }

    /** A package of a runtime bundle (not the framework's) that is not shared with plugins, or such a bundle. */
    private static boolean isRuntimeOnly(Capability capability) {
        if (!(capability.getResource() instanceof BundleRevision revision) || revision.getBundle() == null
                || revision.getBundle().getBundleId() == 0 || ManagedBundles.isManaged(revision.getBundle())) {
            return false;
        }
        return switch (capability.getNamespace()) {
            case "osgi.wiring.package" -> !SharedPackages.isShared(String.valueOf(capability.getAttributes()
                    .get("osgi.wiring.package")));
            case "osgi.wiring.bundle" -> revision.getDeclaredCapabilities("osgi.wiring.package").stream()
                    .anyMatch(c -> !SharedPackages.isShared(String.valueOf(c.getAttributes()
                            .get("osgi.wiring.package"))));
            default -> false;
        };
    }

    @Override
    public Optional<String> keptByRuntime(String pkg) {
        for (Resource resource : installed) {
            for (Capability capability : resource.getCapabilities("osgi.wiring.package")) {
                if (pkg.equals(capability.getAttributes().get("osgi.wiring.package")) && isRuntimeOnly(capability)) {
                    return Optional.of(((BundleRevision) resource).getSymbolicName());
                }
            }
        }
        return Optional.empty();
    }

    /** {@code NAME VERSION} of a resource, whichever kind it is. */
    static String label(Resource resource) {
        if (resource instanceof ArchiveResource archive) {
            return archive.archive().symbolicName() + " " + archive.archive().version();
        }
        if (resource instanceof BundleRevision revision) {
            return revision.getSymbolicName() + " " + revision.getVersion();
        }
        return PluginRepositories.identity(resource) + " " + PluginRepositories.version(resource);
    }

    /** Whether a resource of the result is one of the repositories' (to be downloaded). */
    public boolean isFromRepository(Resource resource) {
        return repositories != null && !installed.contains(resource) && !requested.contains(resource)
                && repositories.isFromRepository(resource);
    }

    private static List<Capability> matches(List<Resource> resources, Requirement requirement) {
        String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        Filter filter;
        try {
            filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
        List<Capability> out = new ArrayList<>();
        for (Resource resource : resources) {
            for (Capability capability : resource.getCapabilities(requirement.getNamespace())) {
                if (filter == null || filter.matches(capability.getAttributes())) {
                    out.add(capability);
                }
            }
        }
        return out;
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
        capabilities.add(0, hostedCapability);
        return 0;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return wirings;
    }
}
