package org.milkbottle.launcher;

import java.util.Collection;
import java.util.Set;

import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Keeps the runtime's own bundles wired to each other only. Checking their jars is not enough while another bundle
 * can reach into them through the resolver: a bundle written into the framework cache (or installed by any route)
 * that exports {@code com.fasterxml.jackson.core} 2.99 would be preferred over the shipped one by the runtime's
 * imports, a fragment would attach to a runtime bundle, and a singleton of a runtime bundle's name could keep the
 * runtime's own from resolving. So, for as long as the framework runs: a runtime bundle's requirements are met by
 * runtime bundles (and the framework) only, no other bundle's fragment attaches to one, and singletons of the
 * runtime and of other bundles do not exclude each other. Plugins still wire to the runtime's exports as before.
 */
final class RuntimeWiringHook implements ResolverHookFactory {

    private final Set<Long> runtime;

    /** @param runtime the bundle ids of the shipped bundles (the framework, id 0, counts as one) */
    RuntimeWiringHook(Set<Long> runtime) {
        this.runtime = Set.copyOf(runtime);
    }

    private boolean isRuntime(BundleRevision revision) {
        return revision != null && revision.getBundle() != null
                && (revision.getBundle().getBundleId() == 0 || runtime.contains(revision.getBundle().getBundleId()));
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
                // every bundle may resolve; what it may wire to is decided below
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisions) {
                boolean ours = isRuntime(singleton.getRevision());
                collisions.removeIf(other -> isRuntime(other.getRevision()) != ours);
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                if (isRuntime(requirement.getRevision())) {
                    candidates.removeIf(capability -> !isRuntime(capability.getRevision()));
                } else if (HostNamespace.HOST_NAMESPACE.equals(requirement.getNamespace())) {
                    candidates.removeIf(capability -> isRuntime(capability.getRevision()));
                }
            }

            @Override
            public void end() {
                // nothing kept between resolutions
            }
        };
    }
}
