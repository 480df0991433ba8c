package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

/**
 * Plans a request once, with the OSGi {@link Resolver}: the request's archives and the plugins it names
 * must resolve against the installed bundles, drawing what is missing from the repositories. The answer
 * is what to download, or — in plain words — why it cannot be done.
 */
public final class InstallResolution {

    /**
     * @param downloads repository resources the plan needs (the named plugins and their missing dependencies)
     * @param problems why the request cannot resolve; empty when it can
     * @param context the context it was planned in (to tell repository resources and offers apart)
     */
    public record Outcome(List<Resource> downloads, List<String> problems, PlanContext context) {
    }

    private final Supplier<Resolver> resolver;
    private final RequirementExplainer explainer;

    public InstallResolution(Supplier<Resolver> resolver, RequirementExplainer explainer) {
        this.resolver = resolver;
        this.explainer = explainer;
    }

    /**
     * @param installed the bundles installed now
     * @param archives the request's fetched archives (runtime copies already left out)
     * @param wanted the repository resources the request names
     * @param repositories the repositories' view for this plan, or {@code null} when none is available
     */
    public Outcome resolve(Bundle[] installed, List<BundleArchive> archives, List<Resource> wanted,
            PluginRepositories.Session repositories) {
        Set<String> replaced = new HashSet<>();
        archives.forEach(a -> replaced.add(a.symbolicName()));
        wanted.forEach(r -> replaced.add(PluginRepositories.identity(r)));
        PlanContext context = new PlanContext(installed, replaced, archives, wanted, repositories);

        // what nothing anywhere offers is explained for every archive at once, without asking the resolver
        List<String> problems = new ArrayList<>();
        for (Resource resource : context.getMandatoryResources()) {
            String who = PlanContext.label(resource);
            for (Requirement requirement : resource.getRequirements(null)) {
                if (isOptional(requirement) || !context.isEffective(requirement)) {
                    continue;
                }
                explainer.explainIfMissing(who, requirement.getNamespace(), requirement.getDirectives().get(
                        Namespace.REQUIREMENT_FILTER_DIRECTIVE), context).ifPresent(problems::add);
            }
        }
        if (!problems.isEmpty()) {
            return new Outcome(List.of(), problems, context);
        }
        Resolver current = resolver.get();
        if (current == null) {
            throw new PluginException("The OSGi resolver service is not running, so nothing can be planned. "
                    + "Check that the bundle org.apache.felix.resolver is active (lb).");
        }
        try {
            Map<Resource, List<Wire>> result = current.resolve(context);
            List<Resource> downloads = result.keySet().stream().filter(context::isFromRepository).toList();
            return new Outcome(downloads, List.of(), context);
        } catch (ResolutionException e) {
            return new Outcome(List.of(), explain(e, context), context);
        }
    }

    private List<String> explain(ResolutionException e, PlanContext context) {
        List<String> reasons = new ArrayList<>();
        for (Requirement requirement : e.getUnresolvedRequirements()) {
            Resource resource = requirement.getResource();
            String who = resource == null ? "a bundle" : PlanContext.label(resource);
            reasons.add(explainer.explainIfMissing(who, requirement.getNamespace(), requirement.getDirectives()
                    .get(Namespace.REQUIREMENT_FILTER_DIRECTIVE), context)
                    .orElse(who + " cannot be resolved: " + e.getMessage()));
        }
        if (reasons.isEmpty()) {
            reasons.add("The request cannot be resolved: " + e.getMessage() + ". Check that the bundles agree on "
                    + "package versions.");
        }
        return reasons.stream().distinct().toList();
    }

    private static boolean isOptional(Requirement requirement) {
        return Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(
                Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }
}
