package org.milkbottle.validation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;

/**
 * Keeps plugins from reaching into the runtime through their manifest: no taking a runtime bundle's
 * symbolic name, no fragments of runtime bundles, no exporting the runtime's API packages, and no
 * importing the framework's privileged packages without the {@code framework} permission.
 */
public final class RuntimeProtectionRule implements ValidationRule {

    /** Packages only bundles with the {@code framework} permission may import. */
    public static final List<String> PRIVILEGED_PACKAGE_PREFIXES = List.of("org.osgi.framework.hooks.",
            "org.osgi.service.condpermadmin", "org.osgi.service.permissionadmin", "org.osgi.framework.launch");

    /**
     * What the runtime consists of, read when a check runs.
     *
     * @param symbolicNames names no other bundle may take (MilkBottle's own bundles)
     * @param exportedPackages packages no other bundle may export (MilkBottle's API, the framework's)
     * @param bundleNames every runtime bundle: none may get a fragment from outside
     */
    public record Runtime(Set<String> symbolicNames, Set<String> exportedPackages, Set<String> bundleNames) {
    }

    private final Supplier<Runtime> runtime;

    public RuntimeProtectionRule(Supplier<Runtime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String id() {
        return "protection";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        Map<String, String> headers = archive.headers();
        Runtime current = runtime.get();
        String name = firstName(headers.get("Bundle-SymbolicName"));
        if (name != null && current.symbolicNames().contains(name)) {
            findings.add(new Finding("protection.runtime-name", Severity.ERROR, "takes the symbolic name " + name
                    + " of a MilkBottle runtime bundle. Rename the bundle.", "Bundle-SymbolicName"));
        }
        String host = firstName(headers.get("Fragment-Host"));
        if (host != null && (current.bundleNames().contains(host) || host.equals("system.bundle")
                || host.equals("org.apache.felix.framework"))) {
            findings.add(new Finding("protection.fragment-of-runtime", Severity.ERROR, "is a fragment of " + host
                    + ", part of the runtime; a fragment would run inside it with all its rights. Make it a bundle "
                    + "of its own.", "Fragment-Host"));
        }
        for (String pkg : packages(headers.get("Export-Package"))) {
            if (pkg.startsWith("java.")) {
                findings.add(new Finding("protection.exports-runtime-package", Severity.ERROR, "exports " + pkg
                        + ", a package of the JDK; only the JVM provides java.* packages. Remove it from "
                        + "Export-Package.", "Export-Package"));
            } else if (current.exportedPackages().contains(pkg)) {
                findings.add(new Finding("protection.exports-runtime-package", Severity.ERROR, "exports " + pkg
                        + ", a package of the MilkBottle runtime or the framework; other plugins could be wired to it instead of the "
                        + "runtime. Remove it from Export-Package.", "Export-Package"));
            }
        }
        List<String> declared = MetadataRule.list(headers.get("MilkBottle-Permissions"));
        if (archive.isPlugin() && !declared.contains(Permissions.FRAMEWORK)) {
            for (String pkg : packages(headers.get("Import-Package"))) {
                if (isPrivileged(pkg)) {
                    findings.add(new Finding("permissions.undeclared", Severity.ERROR, "imports " + pkg
                            + " but does not declare permission 'framework'. Add it to MilkBottle-Permissions, or "
                            + "remove the import.", "Import-Package"));
                }
            }
        }
    }

    /** Whether importing {@code pkg} needs the framework permission. */
    public static boolean isPrivileged(String pkg) {
        return PRIVILEGED_PACKAGE_PREFIXES.stream().anyMatch(p -> pkg.startsWith(p) || (pkg + ".").equals(p));
    }

    private static String firstName(String header) {
        return header == null || header.isBlank() ? null : header.split("[;,]")[0].trim();
    }

    /** Package names of an Import-/Export-Package header, ignoring attributes. */
    static List<String> packages(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            for (String part : clause.split(";")) {
                String piece = part.trim();
                if (!piece.isEmpty() && !piece.contains("=")) {
                    out.add(piece);
                }
            }
        }
        return out;
    }
}
