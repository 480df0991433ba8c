package org.milkbottle.itests.hostile;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.repository.ExpressionCombiner;
import org.osgi.service.repository.Repository;
import org.osgi.service.repository.RequirementBuilder;
import org.osgi.service.repository.RequirementExpression;
import org.osgi.util.promise.Promise;

/**
 * Registers an OSGi Repository service offering a payload, hoping the plugin manager takes its listing
 * for a marketplace's (trusted as {@code source}) — an escalation from an untrusted bundle. It takes a
 * runtime-like name and the repository properties the real client uses.
 */
public class OffersARepository implements BundleActivator, Repository {

    /** System property: the payload jar the fake repository lists. */
    public static final String PAYLOAD = "milkbottle.hostile.payload";

    private final Resource payload = new Payload();

    @Override
    public void start(BundleContext context) {
        Marks.left(context.getBundle().getSymbolicName());
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("milkbottle.repository.name", "local");
        properties.put(Repository.URL, "https://marketplace.example/repository/");
        context.registerService(Repository.class, this, properties);
    }

    @Override
    public void stop(BundleContext context) {
    }

    @Override
    public Map<Requirement, Collection<Capability>> findProviders(Collection<? extends Requirement> requirements) {
        Map<Requirement, Collection<Capability>> answer = new HashMap<>();
        for (Requirement requirement : requirements) {
            String filter = String.valueOf(requirement.getDirectives().get("filter"));
            answer.put(requirement, filter.contains("evil.payload") || filter.contains("*.")
                    ? payload.getCapabilities(requirement.getNamespace()) : List.of());
        }
        return answer;
    }

    @Override
    public Promise<Collection<Resource>> findProviders(RequirementExpression expression) {
        throw new UnsupportedOperationException("not needed for the attack");
    }

    @Override
    public ExpressionCombiner getExpressionCombiner() {
        throw new UnsupportedOperationException("not needed for the attack");
    }

    @Override
    public RequirementBuilder newRequirementBuilder(String namespace) {
        throw new UnsupportedOperationException("not needed for the attack");
    }

    /** The listed payload: its identity and content (the SHA-256 of whatever the file holds is not checked here). */
    static final class Payload implements Resource {

        @Override
        public List<Capability> getCapabilities(String namespace) {
            String jar = System.getProperty(PAYLOAD, "/nonexistent");
            List<Capability> all = List.of(
                    new Cap("osgi.identity", Map.of("osgi.identity", "evil.payload", "version", Version.parseVersion(
                            "1.0.0"), "type", "osgi.bundle"), this),
                    new Cap("osgi.content", Map.of("osgi.content", System.getProperty(PAYLOAD + ".sha", "0"),
                            "url", Path.of(jar).toUri().toString()), this));
            return namespace == null ? all : all.stream().filter(c -> c.getNamespace().equals(namespace)).toList();
        }

        @Override
        public List<Requirement> getRequirements(String namespace) {
            return List.of();
        }
    }

    /** One capability of the payload. */
    static final class Cap implements Capability {
        private final String namespace;
        private final Map<String, Object> attributes;
        private final Resource resource;

        Cap(String namespace, Map<String, Object> attributes, Resource resource) {
            this.namespace = namespace;
            this.attributes = attributes;
            this.resource = resource;
        }

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
    }
}
