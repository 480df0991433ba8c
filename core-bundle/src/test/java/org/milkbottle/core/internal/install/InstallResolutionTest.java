package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.milkbottle.core.internal.install.BundleArchive.RequirementSpec;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.repository.ExpressionCombiner;
import org.osgi.service.repository.Repository;
import org.osgi.service.repository.RequirementBuilder;
import org.osgi.service.repository.RequirementExpression;
import org.osgi.service.resolver.ResolveContext;
import org.osgi.service.resolver.Resolver;
import org.osgi.util.promise.Promise;

/** Planning with the real Felix resolver over an in-memory repository. */
class InstallResolutionTest {

    private final AtomicInteger resolverCalls = new AtomicInteger();
    private final Resolver felix = new ResolverImpl(new Logger(Logger.LOG_ERROR));
    private final Resolver counting = new Resolver() {
        @Override
        public Map<Resource, List<org.osgi.resource.Wire>> resolve(ResolveContext context)
                throws org.osgi.service.resolver.ResolutionException {
            resolverCalls.incrementAndGet();
            return felix.resolve(context);
        }

        @Override
        public Map<Resource, List<org.osgi.resource.Wire>> resolveDynamic(ResolveContext context,
                org.osgi.resource.Wiring hostWiring, Requirement dynamicRequirement)
                throws org.osgi.service.resolver.ResolutionException {
            return felix.resolveDynamic(context, hostWiring, dynamicRequirement);
        }
    };
    private final InstallResolution resolution = new InstallResolution(() -> counting,
            new RequirementExplainer("1.0.0"));

    /** A bundle exporting {@code exports} and importing {@code imports}, with content at a fake URL. */
    private static BundleArchive bundle(String name, String version, List<String> exports, List<String> imports) {
        PluginDescriptor descriptor = new PluginDescriptor(name, version, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), null, null);
        List<CapabilitySpec> capabilities = new ArrayList<>(List.of(
                new CapabilitySpec("osgi.identity", Map.of("osgi.identity", name, "version", Version.parseVersion(version),
                        "type", "osgi.bundle")),
                new CapabilitySpec("osgi.wiring.bundle", Map.of("osgi.wiring.bundle", name, "bundle-version",
                        Version.parseVersion(version))),
                new CapabilitySpec("osgi.content", Map.of("osgi.content", "a".repeat(63) + name.length() % 10,
                        "url", "file:/repo/" + name + "-" + version + ".jar"))));
        exports.forEach(p -> capabilities.add(new CapabilitySpec("osgi.wiring.package", Map.of("osgi.wiring.package", p,
                "version", Version.parseVersion(version), "bundle-symbolic-name", name))));
        List<RequirementSpec> requirements = imports.stream().map(p -> new RequirementSpec("osgi.wiring.package",
                "(osgi.wiring.package=" + p + ")", false)).toList();
        return new BundleArchive(Path.of(name + ".jar"), "0", name, descriptor, requirements, capabilities);
    }

    /** A repository answering from a list of resources, as the repository client's would. */
    private static Repository repository(BundleArchive... archives) {
        List<Resource> resources = java.util.Arrays.stream(archives).<Resource>map(ArchiveResource::new).toList();
        return new RequirementsOnly() {
            @Override
            public Map<Requirement, Collection<Capability>> findProviders(Collection<? extends Requirement> requirements) {
                Map<Requirement, Collection<Capability>> answer = new HashMap<>();
                for (Requirement requirement : requirements) {
                    List<Capability> found = new ArrayList<>();
                    String filter = requirement.getDirectives().get("filter");
                    for (Resource resource : resources) {
                        for (Capability capability : resource.getCapabilities(requirement.getNamespace())) {
                            try {
                                if (filter == null || org.osgi.framework.FrameworkUtil.createFilter(filter)
                                        .matches(capability.getAttributes())) {
                                    found.add(capability);
                                }
                            } catch (org.osgi.framework.InvalidSyntaxException e) {
                                throw new IllegalArgumentException(e);
                            }
                        }
                    }
                    answer.put(requirement, found);
                }
                return answer;
            }
        };
    }

    /** The planner asks repositories with requirements only; the expression API is not used. */
    private abstract static class RequirementsOnly implements Repository {

        @Override
        public Promise<Collection<Resource>> findProviders(RequirementExpression expression) {
            throw new UnsupportedOperationException("the planner asks with requirements only");
        }

        @Override
        public ExpressionCombiner getExpressionCombiner() {
            throw new UnsupportedOperationException("the planner asks with requirements only");
        }

        @Override
        public RequirementBuilder newRequirementBuilder(String namespace) {
            throw new UnsupportedOperationException("the planner asks with requirements only");
        }
    }

    private static PluginRepositories.Session session(Repository repository) {
        PluginRepositories repositories = new PluginRepositories();
        repositories.addTrusted("test", repository);
        return repositories.session();
    }

    @Test
    void namedPluginAndItsTransitiveDependenciesAreResolvedOnce() {
        PluginRepositories.Session session = session(repository(
                bundle("org.acme.app", "1.0.0", List.of(), List.of("acme.a")),
                bundle("acme.liba", "1.0.0", List.of("acme.a"), List.of("acme.b")),
                bundle("acme.libb", "1.0.0", List.of("acme.b"), List.of()),
                bundle("acme.libb", "2.0.0", List.of("acme.b"), List.of()),
                bundle("acme.unused", "1.0.0", List.of("acme.c"), List.of())));
        Resource app = session.pick("app");
        InstallResolution.Outcome outcome = resolution.resolve(new Bundle[0], List.of(), List.of(app), session);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.downloads()).extracting(r -> PluginRepositories.identity(r) + " "
                + PluginRepositories.version(r)).containsExactlyInAnyOrder("org.acme.app 1.0.0", "acme.liba 1.0.0",
                "acme.libb 2.0.0");
        assertThat(resolverCalls).hasValue(1);
        assertThat(session.origin(app).url()).isEqualTo("file:/repo/org.acme.app-1.0.0.jar");
    }

    @Test
    void aFileRequestDrawsItsMissingDependencyFromTheRepositories() {
        PluginRepositories.Session session = session(repository(bundle("acme.liba", "1.0.0", List.of("acme.a"),
                List.of())));
        BundleArchive file = bundle("org.acme.file", "1.0.0", List.of(), List.of("acme.a"));
        InstallResolution.Outcome outcome = resolution.resolve(new Bundle[0], List.of(file), List.of(), session);
        assertThat(outcome.downloads()).extracting(PluginRepositories::identity).containsExactly("acme.liba");
    }

    @Test
    void everyMissingRequirementIsExplainedWithoutAskingTheResolver() {
        BundleArchive file = bundle("org.acme.file", "1.0.0", List.of(), List.of("acme.nowhere", "acme.gone"));
        InstallResolution.Outcome outcome = resolution.resolve(new Bundle[0], List.of(file), List.of(), null);
        assertThat(outcome.problems()).hasSize(2).allMatch(p -> p.startsWith("org.acme.file 1.0.0 needs package acme."));
        assertThat(outcome.downloads()).isEmpty();
        assertThat(resolverCalls).hasValue(0);
    }

    @Test
    void namesAreLookedUpExactlyThenBySuffixWithinARange() {
        PluginRepositories.Session session = session(repository(
                bundle("org.acme.pdf", "1.0.0", List.of(), List.of()),
                bundle("org.acme.pdf", "2.1.0", List.of(), List.of()),
                bundle("org.other.pdf", "1.0.0", List.of(), List.of()),
                bundle("org.acme.notes", "1.0.0", List.of(), List.of())));
        assertThat(PluginRepositories.version(session.pick("org.acme.pdf"))).isEqualTo(new Version(2, 1, 0));
        assertThat(PluginRepositories.version(session.pick("org.acme.pdf@[1.0,2.0)"))).isEqualTo(new Version(1, 0, 0));
        assertThat(PluginRepositories.identity(session.pick("notes"))).isEqualTo("org.acme.notes");
        assertThatThrownBy(() -> session.pick("pdf")).isInstanceOf(PluginException.class)
                .hasMessageContaining("could mean org.acme.pdf, org.other.pdf");
        assertThatThrownBy(() -> session.pick("org.acme.pdf@[3.0,4.0)")).isInstanceOf(PluginException.class)
                .hasMessageContaining("available: 1.0.0, 2.1.0");
        assertThatThrownBy(() -> session.pick("org.acme.pdf@x")).hasMessageContaining("is not a version range");
        assertThatThrownBy(() -> session.pick("nothing")).hasMessageContaining("No repository has a plugin named "
                + "'nothing'");
    }

    @Test
    void aRepositoryThatFailsIsNamedNotFatal() {
        PluginRepositories repositories = new PluginRepositories();
        repositories.addTrusted("good", repository(bundle("org.acme.notes", "1.0.0", List.of(), List.of())));
        repositories.addTrusted("broken", new RequirementsOnly() {
            @Override
            public Map<Requirement, Collection<Capability>> findProviders(Collection<? extends Requirement> r) {
                throw new IllegalStateException("index unreadable");
            }
        });
        PluginRepositories.Session session = repositories.session();
        assertThat(PluginRepositories.identity(session.pick("notes"))).isEqualTo("org.acme.notes");
        assertThat(session.notes()).containsExactly("repository 'broken' could not be asked (index unreadable)");
    }
}
