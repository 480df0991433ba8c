package org.milkbottle.validation.internal;

import java.util.Dictionary;

import org.milkbottle.validation.api.ManagedLocation;
import org.milkbottle.validation.api.Permissions;
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
     * The runtime's packages a plugin may wire to: the OSGi specifications (their privileged parts are refused
     * above), MilkBottle's API, the shell's command annotations, the health-check API, the servlet API, and the
     * general-purpose libraries the runtime shares (SLF4J, Jackson, Caffeine, ASM). Every other package a runtime
     * bundle exports belongs to a library the runtime keeps for its own work, and acts with its authority: H2
     * runs SQL that writes files and compiles Java code, bnd's macros run processes, Jetty opens servers, JLine
     * runs commands, Gogo's built-in commands stop and install bundles. A plugin that calls those would do what
     * its own code may not, behind a call the scan sees as harmless; it may use its own copy, which is scanned.
     */
    static final java.util.List<String> SHARED_RUNTIME_PACKAGES = java.util.List.of("org.osgi.", "org.milkbottle.",
            "org.apache.felix.service.command", "org.apache.felix.hc.api", "org.apache.felix.scr.component",
            "jakarta.servlet", "javax.servlet", "org.slf4j", "com.fasterxml.jackson.", "com.github.benmanes.caffeine",
            "org.objectweb.asm");

    /**
     * Whether the resolver may not wire {@code requirement} to {@code candidate}: a bundle held to the policy
     * without the {@code framework} permission reaching a package of a runtime bundle (other than the
     * framework's own) that is not shared with plugins, by Import-Package, DynamicImport-Package or
     * Require-Bundle. Complete by construction: whatever the runtime ships or will ship, only the listed
     * packages are open to plugins.
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
            case "osgi.wiring.package" -> !isShared(String.valueOf(candidate.getAttributes().get("osgi.wiring.package")));
            // a required bundle brings all its exports: only a bundle that exports nothing else may be required
            case "osgi.wiring.bundle" -> candidate.getRevision().getDeclaredCapabilities("osgi.wiring.package")
                    .stream().anyMatch(c -> !isShared(String.valueOf(c.getAttributes().get("osgi.wiring.package"))));
            default -> false;
        };
    }

    static boolean isShared(String pkg) {
        return SHARED_RUNTIME_PACKAGES.stream().anyMatch(p -> p.endsWith(".") ? pkg.startsWith(p)
                : pkg.equals(p) || pkg.startsWith(p + "."));
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
