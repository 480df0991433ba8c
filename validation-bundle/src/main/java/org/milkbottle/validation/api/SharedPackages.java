package org.milkbottle.validation.api;

import java.util.List;

/**
 * The runtime's packages a plugin may be wired to. The runtime also ships libraries for its own work (H2, bnd,
 * Jetty, JLine, Gogo's built-in commands…) and services for the operator, and each acts with the runtime's
 * authority: a plugin calling them would do what its own code may not, behind a call the bytecode scan sees as
 * harmless. So a bundle held to the
 * permission policy without {@link Permissions#FRAMEWORK} is wired to a runtime bundle only through these
 * packages; it brings its own copy of anything else, which is scanned with it. The validation bundle's resolver
 * hook enforces this; the install planner uses it to fetch such a library instead of counting on the runtime's.
 */
public final class SharedPackages {

    /**
     * Package names or prefixes (ending in a dot): the OSGi specifications, the perf bundle's API (each bundle gets
     * its own caches and executor), shared libraries. Not the rest of MilkBottle's API: its services act for the
     * operator (the third attack rewrote the validator's policy through {@code PluginConfiguration}, and published
     * a jar to the runtime's own marketplace, trusted as {@code source}, through {@code Marketplace}).
     * Not Jackson: its databind is a reflection engine driven by data (it instantiated a class of bnd, found
     * through a runtime bundle's class loader, and called the setter whose macro runs a process) and writes files
     * for its caller; a plugin brings its own copy, which needs {@code reflection} like any such engine.
     */
    public static final List<String> SHARED = List.of("org.osgi.", "org.milkbottle.perf.api",
            "org.apache.felix.service.command", "org.apache.felix.hc.api", "org.apache.felix.scr.component",
            "jakarta.servlet", "javax.servlet", "org.slf4j", "com.github.benmanes.caffeine", "org.objectweb.asm");

    private SharedPackages() {
    }

    /** Whether a plugin may be wired to the runtime's copy of {@code pkg}. */
    public static boolean isShared(String pkg) {
        return SHARED.stream().anyMatch(p -> p.endsWith(".") ? pkg.startsWith(p)
                : pkg.equals(p) || pkg.startsWith(p + "."));
    }
}
