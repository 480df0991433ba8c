package org.milkbottle.validation.internal;

import java.util.Dictionary;

import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.SharedPackages;
import org.milkbottle.validation.internal.rules.MetadataRule;
import org.milkbottle.validation.internal.rules.RuntimeProtectionRule;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;

/**
 * What the resolver hook refuses to wire, whatever the bundle's code looks like: a plugin, or any bundle
 * installed through MilkBottle, without the {@code framework} permission may not import the framework's privileged packages, and no bundle
 * installed through MilkBottle may attach as a fragment to a runtime bundle.
 */
final class WiringPolicy {

    private WiringPolicy() {
    }

    static boolean refuses(BundleRequirement requirement) {
        Bundle requirer = requirement.getRevision().getBundle();
        String filter = requirement.getDirectives().get("filter");
        if (filter == null) {
            return false;
        }
        switch (requirement.getNamespace()) {
            case "osgi.wiring.package" -> {
                String pkg = valueOf(filter, "osgi.wiring.package");
                return pkg != null && RuntimeProtectionRule.isPrivileged(pkg) && heldToPolicy(requirer)
                        && !declares(requirer, Permissions.FRAMEWORK);
            }
            case "osgi.wiring.host" -> {
                String host = valueOf(filter, "osgi.wiring.host");
                return host != null && ManagedLocation.isManaged(requirer)
                        && (host.startsWith("org.milkbottle.core") || host.startsWith("org.milkbottle.validation")
                        || host.equals("system.bundle") || host.equals("org.apache.felix.framework"));
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Whether the resolver may not wire {@code requirement} to {@code candidate}: a bundle held to the policy
     * without the {@code framework} permission reaching a package of a runtime bundle (other than the
     * framework's own) that is not shared with plugins, by Import-Package, DynamicImport-Package or
     * Require-Bundle ({@link SharedPackages}). Complete by construction: whatever the runtime ships or will ship,
     * only the listed packages are open to plugins.
     */
    static boolean refusesProvider(BundleRequirement requirement, BundleCapability candidate) {
        Bundle provider = candidate.getRevision().getBundle();
        if (provider == null || provider.getBundleId() == 0 || ManagedLocation.isManaged(provider)) {
            return false;
        }
        Bundle requirer = requirement.getRevision().getBundle();
        if (requirer == null || !heldToPolicy(requirer) || declares(requirer, Permissions.FRAMEWORK)) {
            return false;
        }
        return switch (requirement.getNamespace()) {
            case "osgi.wiring.package" -> !SharedPackages.isShared(packageOf(candidate));
            // a required bundle brings all its exports: only a bundle that exports nothing else may be required
            case "osgi.wiring.bundle" -> candidate.getRevision().getDeclaredCapabilities("osgi.wiring.package")
                    .stream().anyMatch(c -> !SharedPackages.isShared(packageOf(c)));
            default -> false;
        };
    }

    private static String packageOf(BundleCapability capability) {
        return String.valueOf(capability.getAttributes().get("osgi.wiring.package"));
    }

    /**
     * Whether a bundle is held to the permission policy at run time: a plugin however it came, and every
     * bundle installed through MilkBottle, library or not (a library from a trusted Maven repository may
     * contain framework-level calls the validator reported as warnings; this keeps it from acting on them).
     */
    static boolean heldToPolicy(Bundle bundle) {
        return isPlugin(bundle) || ManagedLocation.isManaged(bundle);
    }

    static boolean isPlugin(Bundle bundle) {
        String requirements = bundle.getHeaders("").get("Require-Capability");
        return requirements != null && requirements.contains("milkbottle.runtime");
    }

    static boolean declares(Bundle bundle, String permission) {
        Dictionary<String, String> headers = bundle.getHeaders("");
        return MetadataRule.list(headers.get("MilkBottle-Permissions")).contains(permission);
    }

    private static String valueOf(String filter, String attribute) {
        int start = filter.indexOf("(" + attribute + "=");
        if (start < 0) {
            return null;
        }
        int end = filter.indexOf(')', start);
        return end < 0 ? null : filter.substring(start + attribute.length() + 2, end);
    }
}
