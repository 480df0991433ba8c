package org.milkbottle.validation.internal;

import java.util.Dictionary;

import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.internal.rules.MetadataRule;
import org.milkbottle.validation.internal.rules.RuntimeProtectionRule;
import org.osgi.framework.Bundle;
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
