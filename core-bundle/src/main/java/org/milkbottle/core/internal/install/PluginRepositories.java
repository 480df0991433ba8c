package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.repository.ContentNamespace;
import org.osgi.service.repository.Repository;

/**
 * The OSGi {@link Repository} services the runtime installs from — one per configured marketplace or
 * folder, and the embedded marketplace's catalog — as one place to look plugins and their dependencies
 * up. Only repositories registered by the runtime's own bundles count: a plugin cannot offer the
 * pipeline resources that would then be trusted as a marketplace's.
 */
public final class PluginRepositories {

    /** Service property: the repository's name, as {@code mb:repo-list} shows it. */
    public static final String NAME_PROPERTY = "milkbottle.repository.name";
    /** Service property: set while a repository answers from an older copy of its index, saying so. */
    public static final String NOTE_PROPERTY = "milkbottle.repository.note";

    /** A bound repository service. */
    public record Entry(String name, Repository repository, ServiceReference<?> reference) {

        Optional<String> note() {
            Object note = reference == null ? null : reference.getProperty(NOTE_PROPERTY);
            return note == null || note.toString().isBlank() ? Optional.empty() : Optional.of(note.toString());
        }
    }

    /** Where a resource is found: its repository, download URL and the SHA-256 the index lists. */
    public record Origin(String repository, String url, String sha256) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** Ids of the bundles the runtime was started with (the launcher's); see {@link #trusted(Bundle)}. */
    private volatile Set<Long> runtimeBundles = Set.of();

    /**
     * Fixes the runtime's own bundles: those installed when the plugin manager started, not through MilkBottle.
     * The launcher installs them before the framework starts; anything installed later — through the pipeline
     * or behind its back — is not one of them, whatever name it takes.
     */
    public void runtimeBundles(Bundle[] bundles) {
        Set<Long> ids = new HashSet<>();
        for (Bundle bundle : bundles) {
            if (!ManagedBundles.isManaged(bundle)) {
                ids.add(bundle.getBundleId());
            }
        }
        runtimeBundles = Set.copyOf(ids);
    }

    /**
     * Whether a service registered by {@code bundle} may serve as a plugin repository: only MilkBottle's own
     * runtime bundles (the repository client, the embedded marketplace), since what they list is trusted as a
     * marketplace's. A plugin, or a bundle installed behind the pipeline's back, that registers a repository
     * is ignored — even under an {@code org.milkbottle.} name.
     */
    boolean trusted(Bundle bundle) {
        return bundle != null && runtimeBundles.contains(bundle.getBundleId()) && !ManagedBundles.isManaged(bundle)
                && bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.milkbottle.");
    }

    /** Takes a repository service into use; only those a runtime bundle registered are asked (see {@link #trusted}). */
    public void add(Repository repository, ServiceReference<?> reference) {
        Object name = reference.getProperty(NAME_PROPERTY);
        Object url = reference.getProperty(Repository.URL);
        entries.add(new Entry(name != null ? name.toString() : url != null ? url.toString()
                : "repository " + reference.getProperty("service.id"), repository, reference));
    }

    /** Takes a repository into use without a service registration (tests, embedding). */
    void addTrusted(String name, Repository repository) {
        entries.add(new Entry(name, repository, null));
    }

    public void remove(Repository repository) {
        entries.removeIf(e -> e.repository() == repository);
    }

    public boolean isEmpty() {
        return usable().isEmpty();
    }

    /** A view for one plan: answers are remembered, so each requirement asks each repository once. */
    public Session session() {
        return new Session(usable());
    }

    private List<Entry> usable() {
        return entries.stream().filter(e -> e.reference() == null || trusted(e.reference().getBundle())).toList();
    }

    /** The repositories of one plan and what they answered. */
    public static final class Session {

        private final List<Entry> entries;
        private final Map<Resource, Entry> owners = new IdentityHashMap<>();
        private final Map<String, List<Capability>> answers = new HashMap<>();
        private final List<String> failures = new ArrayList<>();

        Session(List<Entry> entries) {
            this.entries = entries;
        }

        /** Every capability the repositories offer for the requirement, newest version first. */
        public List<Capability> providers(Requirement requirement) {
            String key = requirement.getNamespace() + "|" + requirement.getDirectives().get(
                    Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            return answers.computeIfAbsent(key, k -> ask(requirement));
        }

        private List<Capability> ask(Requirement requirement) {
            List<Capability> found = new ArrayList<>();
            for (Entry entry : entries) {
                try {
                    Map<Requirement, Collection<Capability>> answer = entry.repository().findProviders(
                            List.of(requirement));
                    for (Capability capability : answer.getOrDefault(requirement, List.of())) {
                        owners.putIfAbsent(capability.getResource(), entry);
                        found.add(capability);
                    }
                } catch (RuntimeException e) {
                    String failure = "repository '" + entry.name() + "' could not be asked (" + e.getMessage() + ")";
                    if (!failures.contains(failure)) {
                        failures.add(failure);
                    }
                }
            }
            found.sort(Comparator.comparing(PluginRepositories::versionOf).reversed());
            return found;
        }

        /** Whether the resource came from one of the repositories. */
        public boolean isFromRepository(Resource resource) {
            return owners.containsKey(resource);
        }

        /** Where to download a repository resource, and the SHA-256 to check it against. */
        public Origin origin(Resource resource) {
            Entry entry = owners.get(resource);
            String name = identity(resource);
            List<Capability> content = resource.getCapabilities(ContentNamespace.CONTENT_NAMESPACE);
            if (entry == null || content.isEmpty()) {
                throw new PluginException(name + " has no content in the index of its repository, so it cannot be "
                        + "downloaded; it is not installed.");
            }
            Map<String, Object> attributes = content.get(0).getAttributes();
            Object sha = attributes.get(ContentNamespace.CONTENT_NAMESPACE);
            Object url = attributes.get(ContentNamespace.CAPABILITY_URL_ATTRIBUTE);
            if (sha == null || !sha.toString().matches("[0-9a-f]{64}")) {
                throw new PluginException(name + " has no SHA-256 in the index of repository '" + entry.name()
                        + "', so its download cannot be verified; it is not installed.");
            }
            if (url == null || url.toString().isBlank()) {
                throw new PluginException(name + " has no download URL in the index of '" + entry.name() + "'.");
            }
            return new Origin(entry.name(), url.toString(), sha.toString());
        }

        /**
         * The newest resource called {@code NAME} (or ending in {@code .NAME}) within the optional range of
         * {@code NAME@RANGE}.
         */
        public Resource pick(String request) {
            if (entries.isEmpty()) {
                throw new PluginException("'" + request + "' is not a file, URL or Maven coordinate, and no plugin "
                        + "repository is available to look it up by name. Add a marketplace with mb:repo-add NAME "
                        + "URL, or give the path of the jar.");
            }
            String[] parts = request.split("@", 2);
            String name = parts[0];
            VersionRange range;
            try {
                range = parts.length == 2 ? VersionRange.valueOf(parts[1]) : null;
            } catch (IllegalArgumentException e) {
                throw new PluginException("'" + parts[1] + "' is not a version range; write e.g. 'hello@[1.0,2.0)' "
                        + "(quoted, for the shell) or hello@1.2 (1.2 or later).");
            }
            List<Resource> candidates = resources(identityRequirement("(osgi.identity=" + name + ")"));
            if (candidates.isEmpty()) {
                candidates = resources(identityRequirement("(osgi.identity=*." + name + ")"));
                List<String> identities = candidates.stream().map(PluginRepositories::identity).distinct().sorted()
                        .toList();
                if (identities.size() > 1) {
                    throw new PluginException("'" + name + "' could mean " + String.join(", ", identities)
                            + "; give the full name.");
                }
            }
            if (candidates.isEmpty()) {
                throw new PluginException("No repository has a plugin named '" + name + "'. Search with mb:search "
                        + name + "." + failureNote());
            }
            List<Resource> named = candidates;
            return candidates.stream().filter(r -> range == null || range.includes(version(r)))
                    .max(Comparator.comparing(PluginRepositories::version))
                    .orElseThrow(() -> new PluginException("No version of '" + name + "' in the repositories is "
                            + (range.getRight() == null ? range.getLeft() + " or later" : "within " + range) + "; "
                            + "available: " + named.stream().map(r -> version(r).toString()).distinct().sorted()
                            .collect(Collectors.joining(", ")) + "."));
        }

        /** Every version of the plugin the repositories list. */
        public List<Resource> versionsOf(String symbolicName) {
            return resources(identityRequirement("(osgi.identity=" + symbolicName + ")"));
        }

        private List<Resource> resources(Requirement requirement) {
            return providers(requirement).stream().map(Capability::getResource).distinct().toList();
        }

        private String failureNote() {
            return failures.isEmpty() ? "" : " (" + String.join("; ", failures) + ")";
        }

        /** What the user should know about the answers: repositories answered from an older index, or not at all. */
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (!answers.isEmpty()) { // every repository was asked
                entries.forEach(entry -> entry.note().ifPresent(notes::add));
            }
            notes.addAll(failures);
            return notes.stream().distinct().toList();
        }
    }

    /** A requirement to look a plugin up by symbolic name ({@code osgi.identity} filter). */
    static Requirement identityRequirement(String filter) {
        return new Query(IdentityNamespace.IDENTITY_NAMESPACE, filter);
    }

    static String identity(Resource resource) {
        List<Capability> identities = resource.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE);
        return identities.isEmpty() ? null : String.valueOf(identities.get(0).getAttributes()
                .get(IdentityNamespace.IDENTITY_NAMESPACE));
    }

    static Version version(Resource resource) {
        List<Capability> identities = resource.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE);
        return identities.isEmpty() ? Version.emptyVersion : versionOf(identities.get(0));
    }

    static Version versionOf(Capability capability) {
        Object version = capability.getAttributes().get("version");
        if (version == null) {
            version = capability.getAttributes().get("bundle-version");
        }
        if (version instanceof Version v) {
            return v;
        }
        try {
            return version == null ? Version.emptyVersion : Version.parseVersion(version.toString());
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    /** Whether every {@code milkbottle.runtime} requirement of the resource accepts this runtime. */
    static boolean fitsRuntime(Resource resource, Map<String, Object> runtimeCapability) {
        for (Requirement requirement : resource.getRequirements("milkbottle.runtime")) {
            String filter = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            try {
                Filter compiled = filter == null ? null : FrameworkUtil.createFilter(filter);
                if (compiled != null && !compiled.matches(runtimeCapability)) {
                    return false;
                }
            } catch (InvalidSyntaxException e) {
                return false;
            }
        }
        return true;
    }

    /** A requirement not attached to any resource: a question to the repositories. */
    record Query(String namespace, String filter) implements Requirement {

        @Override
        public String getNamespace() {
            return namespace;
        }

        @Override
        public Map<String, String> getDirectives() {
            return filter == null ? Map.of() : Map.of(Namespace.REQUIREMENT_FILTER_DIRECTIVE, filter);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return Map.of();
        }

        @Override
        public Resource getResource() {
            return null;
        }
    }
}
