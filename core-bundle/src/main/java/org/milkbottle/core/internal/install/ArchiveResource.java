package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.milkbottle.core.internal.install.BundleArchive.RequirementSpec;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * A fetched archive as the OSGi resolver sees it: the capabilities and requirements its manifest
 * declares. Identity is the archive's (two archives are two resources, even with equal headers).
 */
final class ArchiveResource implements Resource {

    private final BundleArchive archive;
    private final List<Capability> capabilities = new ArrayList<>();
    private final List<Requirement> requirements = new ArrayList<>();

    ArchiveResource(BundleArchive archive) {
        this.archive = archive;
        for (CapabilitySpec spec : archive.capabilities()) {
            capabilities.add(new ArchiveCapability(spec.namespace(), Map.copyOf(spec.attributes()), this));
        }
        for (RequirementSpec spec : archive.requirements()) {
            Map<String, String> directives = new HashMap<>();
            if (spec.filter() != null) {
                directives.put(Namespace.REQUIREMENT_FILTER_DIRECTIVE, spec.filter());
            }
            if (spec.optional()) {
                directives.put(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE, Namespace.RESOLUTION_OPTIONAL);
            }
            requirements.add(new ArchiveRequirement(spec.namespace(), Map.copyOf(directives), this));
        }
    }

    BundleArchive archive() {
        return archive;
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return namespace == null ? List.copyOf(capabilities)
                : capabilities.stream().filter(c -> c.getNamespace().equals(namespace)).toList();
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return namespace == null ? List.copyOf(requirements)
                : requirements.stream().filter(r -> r.getNamespace().equals(namespace)).toList();
    }

    @Override
    public String toString() {
        return archive.symbolicName() + " " + archive.version();
    }

    private record ArchiveCapability(String namespace, Map<String, Object> attributes, Resource resource)
            implements Capability {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return Map.of();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return namespace + attributes;
        }
    }

    private record ArchiveRequirement(String namespace, Map<String, String> directives, Resource resource)
            implements Requirement {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return directives;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return namespace + directives;
        }
    }
}
