package org.milkbottle.marketplace.internal.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
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
 * What the OSGi resolver sees when planning an install: the bundles installed now (with their
 * wirings, which it must keep) and the resources of the repositories. Installed providers come first,
 * then the highest version, so nothing is downloaded that the runtime already has.
 */
final class PlanContext extends ResolveContext {

    private final List<Resource> mandatory;
    private final Map<Resource, Wiring> wirings = new HashMap<>();
    private final List<Resource> installed = new ArrayList<>();
    private final List<Resource> available;

    PlanContext(Bundle[] bundles, List<Resource> available, List<Resource> mandatory) {
        this.mandatory = List.copyOf(mandatory);
        for (Bundle bundle : bundles) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null || bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            installed.add(revision);
            BundleWiring wiring = revision.getWiring();
            if (wiring != null) {
                wirings.put(revision, wiring);
            }
        }
        Set<String> present = new java.util.HashSet<>();
        for (Bundle bundle : bundles) {
            present.add(bundle.getSymbolicName() + "@" + bundle.getVersion());
        }
        // a repository copy of an installed bundle is never a candidate: the installed one is used
        this.available = available.stream().filter(r -> !present.contains(Resources.identity(r) + "@"
                + Resources.version(r))).toList();
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> installedMatches = matches(installed, requirement);
        List<Capability> repositoryMatches = matches(available, requirement);
        repositoryMatches.sort(Comparator.comparing(PlanContext::version).reversed());
        List<Capability> all = new ArrayList<>(installedMatches);
        all.addAll(repositoryMatches);
        return all;
    }

    private static List<Capability> matches(List<Resource> resources, Requirement requirement) {
        String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        Filter filter;
        try {
            filter = filterText == null ? null : FrameworkUtil.createFilter(filterText);
        } catch (InvalidSyntaxException e) {
            return new ArrayList<>();
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

    private static Version version(Capability capability) {
        Object version = capability.getAttributes().get("version");
        if (version == null) {
            version = capability.getAttributes().get("bundle-version");
        }
        try {
            return version == null ? Version.emptyVersion : Version.parseVersion(version.toString());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
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
