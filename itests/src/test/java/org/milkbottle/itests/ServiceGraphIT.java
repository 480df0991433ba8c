package org.milkbottle.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;

/**
 * The Declarative Services graph of a runtime with the core, validation, repository and marketplace bundles
 * has no cycle: an edge goes from a component to every component providing a service interface it
 * references (any cardinality, static or dynamic, however the reference is held — a lazy
 * {@code ComponentServiceObjects} is still an edge). Two components that need each other mean one of them
 * does two jobs.
 *
 * <p>One component registers services outside DS: {@code RepositoryRegistryImpl} registers a
 * {@code Repository} per configured repository with its bundle context. Those count as provided by it
 * ({@link #REGISTERED_BY_COMPONENTS}), except towards itself: it lists only the other bundles' repositories.
 */
@RunWith(PaxExam.class)
public class ServiceGraphIT extends MilkBottleTestSupport {

    private static final String MANAGER = "org.milkbottle.core.internal.PluginManagerImpl";
    private static final String VALIDATOR = "org.milkbottle.validation.internal.ValidatorImpl";
    private static final String MARKETPLACE = "org.milkbottle.marketplace.internal.server.MarketplaceImpl";
    private static final String LOCAL_REPOSITORY = "org.milkbottle.marketplace.internal.local.LocalRepository";
    private static final String LOCAL_CATALOG = "org.milkbottle.marketplace.internal.local.LocalPluginCatalog";
    private static final String REGISTRY = "org.milkbottle.repository.internal.RepositoryRegistryImpl";
    private static final List<String> EXPECTED = List.of(MANAGER, VALIDATOR,
            "org.milkbottle.validation.internal.AdvisoryList", MARKETPLACE, LOCAL_REPOSITORY, LOCAL_CATALOG, REGISTRY);

    /** Services components register themselves rather than through DS: interface → component. */
    private static final Map<String, String> REGISTERED_BY_COMPONENTS = Map.of(
            "org.osgi.service.repository.Repository", REGISTRY);

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(freePort()));
    }

    @Test
    public void theServiceGraphOfTheStartedRuntimeHasNoCycle() throws Exception {
        await("the marketplace, the repository client and the plugin manager are active", () -> EXPECTED.stream().allMatch(this::active));

        Map<String, Set<String>> graph = graph();
        assertTrue("the graph has MilkBottle's components: " + graph.keySet(), graph.keySet().containsAll(EXPECTED));
        assertTrue("the graph has the publish path marketplace → validator: " + graph,
                graph.get(MARKETPLACE).contains(VALIDATOR));
        assertTrue("the plugin manager installs from every repository, configured or embedded: " + graph,
                graph.get(MANAGER).containsAll(List.of(REGISTRY, LOCAL_REPOSITORY)));
        assertTrue("the embedded marketplace is a repository and a catalog of the registry's: " + graph,
                graph.get(REGISTRY).containsAll(List.of(LOCAL_REPOSITORY, LOCAL_CATALOG))
                        && graph.get(LOCAL_REPOSITORY).contains(MARKETPLACE));

        List<String> cycle = cycle(graph);
        if (!cycle.isEmpty()) {
            fail("The DS service graph has a cycle:\n  " + String.join("\n  → ", cycle) + "\n(edges: "
                    + describe(graph, cycle) + ")");
        }
    }

    private boolean active(String component) {
        return scr.getComponentDescriptionDTOs().stream().filter(d -> d.name.equals(component))
                .flatMap(d -> scr.getComponentConfigurationDTOs(d).stream())
                .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE
                        || c.state == ComponentConfigurationDTO.SATISFIED);
    }

    /** Component name → names of the components providing an interface it references. */
    private Map<String, Set<String>> graph() {
        List<ComponentDescriptionDTO> components = new ArrayList<>(scr.getComponentDescriptionDTOs());
        Map<String, Set<String>> providers = new HashMap<>();
        for (ComponentDescriptionDTO component : components) {
            for (String service : component.serviceInterfaces) {
                providers.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(component.name);
            }
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (ComponentDescriptionDTO component : components) {
            Set<String> targets = graph.computeIfAbsent(component.name, n -> new LinkedHashSet<>());
            for (ReferenceDTO reference : component.references) {
                targets.addAll(providers.getOrDefault(reference.interfaceName, Set.of()));
                String registrar = REGISTERED_BY_COMPONENTS.get(reference.interfaceName);
                if (registrar != null && !registrar.equals(component.name)) {
                    targets.add(registrar);
                }
            }
        }
        return graph;
    }

    /** One cycle (first component repeated at the end), or empty when the graph is acyclic. */
    static List<String> cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (String start : graph.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            List<String> found = visit(start, graph, state, path);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state,
            Deque<String> path) {
        state.put(node, 1);
        path.addLast(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            Integer seen = state.get(next);
            if (seen == null) {
                List<String> found = visit(next, graph, state, path);
                if (!found.isEmpty()) {
                    return found;
                }
            } else if (seen == 1) {
                List<String> onPath = new ArrayList<>(path);
                List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(next), onPath.size()));
                cycle.add(next);
                return cycle;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return List.of();
    }

    /** For each step of the cycle, the references that make it, for the failure message. */
    private String describe(Map<String, Set<String>> graph, List<String> cycle) {
        Map<String, ComponentDescriptionDTO> byName = scr.getComponentDescriptionDTOs().stream()
                .collect(Collectors.toMap(d -> d.name, d -> d, (a, b) -> a));
        List<String> steps = new ArrayList<>();
        for (int i = 0; i + 1 < cycle.size(); i++) {
            ComponentDescriptionDTO from = byName.get(cycle.get(i));
            Set<String> provided = new HashSet<>(Arrays.asList(byName.get(cycle.get(i + 1)).serviceInterfaces));
            String next = cycle.get(i + 1);
            REGISTERED_BY_COMPONENTS.forEach((service, registrar) -> {
                if (registrar.equals(next)) {
                    provided.add(service);
                }
            });
            steps.add(simple(from.name) + " references " + Arrays.stream(from.references)
                    .filter(r -> provided.contains(r.interfaceName)).map(r -> r.name + ":" + simple(r.interfaceName))
                    .collect(Collectors.joining(", ")));
        }
        return String.join("; ", steps);
    }

    private static String simple(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
