package org.milkbottle.core.internal.install;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.core.internal.install.Offers.Offer;

/**
 * Says in plain words why a requirement is not satisfied and what the user can do, instead of a raw
 * resolver dump.
 */
public final class RequirementExplainer {

    private final String runtimeVersion;

    public RequirementExplainer(String runtimeVersion) {
        this.runtimeVersion = runtimeVersion;
    }

    /**
     * Explains the requirement of {@code who} if nothing {@code index} offers satisfies it.
     *
     * @return the explanation, or empty when some capability satisfies it
     */
    public Optional<String> explainIfMissing(String who, String namespace, String filter, Offers index) {
        if (filter != null && !filter.isBlank() && !index.matching(namespace, filter).isEmpty()) {
            return Optional.empty();
        }
        if ((filter == null || filter.isBlank()) && !index.matching(namespace, null).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(explain(who, namespace, filter, index));
    }

    private String explain(String who, String namespace, String filter, Offers index) {
        switch (namespace) {
            case RuntimeCapability.NAMESPACE: {
                String range = FilterRanges.rangeOf(filter, "version");
                return who + " needs MilkBottle runtime " + range + ", but this runtime is " + runtimeVersion
                        + ". Install a version of the plugin built for MilkBottle " + majorOf(runtimeVersion)
                        + ".x, or run a MilkBottle version within " + range + ".";
            }
            case "osgi.wiring.package": {
                String pkg = FilterRanges.valueOf(filter, "osgi.wiring.package");
                String range = FilterRanges.rangeOf(filter, "version");
                List<Offer> sameName = index.matching(namespace, "(osgi.wiring.package=" + pkg + ")");
                if (!sameName.isEmpty()) {
                    return who + " needs package " + pkg + " version " + range + ", but the installed bundles export "
                            + "it only as " + describe(sameName, "version") + ". Install a bundle that exports "
                            + pkg + " in " + range + ", or a version of the plugin that accepts the one installed.";
                }
                Optional<String> keeper = index.keptByRuntime(pkg);
                if (keeper.isPresent()) {
                    return who + " needs package " + pkg + ", which the runtime has only for its own work (in "
                            + keeper.get() + "): plugins are wired only to the runtime's shared packages (OSGi, "
                            + "MilkBottle's perf API, the shell's command API, SLF4J, …; see docs/security.md, "
                            + "'Runtime protection'). Put the library in the plugin, or install it as a bundle of "
                            + "its own, in the same request or first.";
                }
                return who + " needs package " + pkg + (range.equals("any version") ? "" : " version " + range)
                        + ", which no installed bundle exports and no plugin repository offers. Install the bundle "
                        + "that provides it first, or in the same request (mb:install DEPENDENCY.jar PLUGIN.jar), or "
                        + "add a repository that has it (mb:repo-add).";
            }
            case "osgi.wiring.bundle": {
                String name = FilterRanges.valueOf(filter, "osgi.wiring.bundle");
                String range = FilterRanges.rangeOf(filter, "bundle-version");
                return who + " requires bundle " + name + (range.equals("any version") ? "" : " version " + range)
                        + ", which is not installed and no plugin repository offers. Install it first, or in the same "
                        + "request.";
            }
            case "osgi.wiring.host": {
                String host = FilterRanges.valueOf(filter, "osgi.wiring.host");
                return who + " is a fragment of " + host + ", which is not installed. Install " + host + " first.";
            }
            case "osgi.ee": {
                return who + " needs the Java environment " + filter + ", which this JVM (Java "
                        + Runtime.version().feature() + ") does not provide. Run MilkBottle on a newer Java.";
            }
            case "osgi.extender": {
                String name = FilterRanges.valueOf(filter, "osgi.extender");
                return who + " needs the extender " + name + " " + FilterRanges.rangeOf(filter, "version")
                        + ", which this runtime does not run. Install a bundle that provides it.";
            }
            default:
                return who + " needs a capability in namespace '" + namespace + "'"
                        + (filter == null ? "" : " matching " + filter)
                        + ", which no installed bundle provides. Install a bundle that provides it.";
        }
    }

    private static String describe(List<Offer> offers, String attribute) {
        return offers.stream().map(o -> o.attributes().get(attribute) + " (from " + o.provider() + ")")
                .distinct().collect(Collectors.joining(", "));
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
