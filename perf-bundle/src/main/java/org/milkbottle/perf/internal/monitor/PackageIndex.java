package org.milkbottle.perf.internal.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which bundle a class belongs to. Stack frames only name classes; a bundle's classes are known by the packages of
 * its own content, and — when the index has a {@link ClassProbe} — every answer is confirmed by the class file
 * itself: among the bundles that claim the class's package, the newest (highest bundle id) that holds the class
 * (for a lambda or other generated class, the class it was made for) owns it; when none holds it, nobody does. So
 * a plugin that ships one class in someone else's package (the framework's, a library's) is not charged for the
 * other classes of that package, and the order in which bundles were indexed never matters. Without a probe the
 * package decides, and a split package belongs to the bundle put last.
 * <p>
 * Plain Java, no OSGi, so that the rules can be tested with maps. Not thread-safe: the monitor confines it to the
 * sampler thread.
 */
final class PackageIndex {

    /** What {@link #ownerOf(String)} answers for a class no indexed bundle contains. */
    static final long NO_BUNDLE = -1;

    /** Every bundle claiming a package, oldest claim first; the last one owns it. Mostly lists of one. */
    private final Map<String, List<Long>> claims = new HashMap<>();
    private final Map<String, Long> owners = new HashMap<>();
    private final Map<Long, Set<String>> packagesByBundle = new HashMap<>();
    /** Which bundle holds each class asked about (probed once); cleared whenever a claim changes. */
    private final Map<String, Long> decisions = new HashMap<>();
    private final ClassProbe probe;

    /** Whether a bundle's own content holds a class. */
    @FunctionalInterface
    interface ClassProbe {
        boolean holds(long bundleId, String className);
    }

    /** An index that goes by packages alone; a split package belongs to the bundle put last. */
    PackageIndex() {
        this.probe = null;
    }

    PackageIndex(ClassProbe probe) {
        this.probe = probe;
    }

    /** Indexes (or re-indexes) {@code bundleId} with {@code packages}; its claims become the newest. */
    void put(long bundleId, Set<String> packages) {
        remove(bundleId);
        decisions.clear();
        Set<String> own = Set.copyOf(packages);
        packagesByBundle.put(bundleId, own);
        for (String pkg : own) {
            claims.computeIfAbsent(pkg, p -> new ArrayList<>(1)).add(bundleId);
            owners.put(pkg, bundleId);
        }
    }

    /** Forgets {@code bundleId}; a split package it owned goes back to the previous claimant. */
    void remove(long bundleId) {
        Set<String> old = packagesByBundle.remove(bundleId);
        if (old == null) {
            return;
        }
        decisions.clear();
        for (String pkg : old) {
            List<Long> list = claims.get(pkg);
            list.remove(Long.valueOf(bundleId));
            if (list.isEmpty()) {
                claims.remove(pkg);
                owners.remove(pkg);
            } else {
                owners.put(pkg, list.get(list.size() - 1));
            }
        }
    }

    /** Whether {@code bundleId} is indexed. */
    boolean contains(long bundleId) {
        return packagesByBundle.containsKey(bundleId);
    }

    /** The bundle whose content holds {@code className}'s package, or {@link #NO_BUNDLE}. */
    long ownerOf(String className) {
        String pkg = packageOfClass(className);
        Long owner = owners.get(pkg);
        if (owner == null) {
            return NO_BUNDLE;
        }
        if (probe == null) {
            return owner;
        }
        List<Long> claimants = claims.get(pkg);
        String file = classFileOf(className);
        return decisions.computeIfAbsent(className, name -> claimants.stream()
                .sorted(java.util.Comparator.reverseOrder()).filter(id -> probe.holds(id, file)).findFirst()
                .orElse(NO_BUNDLE));
    }

    /**
     * The class whose class file holds {@code className}: itself, or for a hidden class the JVM generated for it
     * ({@code a.B$$Lambda$41/0x…}) the class it was generated for ({@code a.B}).
     */
    static String classFileOf(String className) {
        int generated = className.indexOf("$$");
        return generated > 0 ? className.substring(0, generated) : className;
    }

    /** {@code a.b.C$D} → {@code a.b}; a class in the default package → "". */
    static String packageOfClass(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /**
     * The package of a class file found in a bundle ({@code org/foo/Bar.class}, with or without a leading slash),
     * or {@code null} for a file that is not a class of the bundle's own ({@code module-info.class}). Classes of a
     * multi-release jar ({@code META-INF/versions/11/org/foo/Bar.class}) count as their package.
     */
    static String packageOfResource(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("META-INF/versions/")) {
            int slash = p.indexOf('/', "META-INF/versions/".length());
            if (slash < 0) {
                return null;
            }
            p = p.substring(slash + 1);
        } else if (p.startsWith("META-INF/") || p.startsWith("OSGI-INF/") || p.startsWith("OSGI-OPT/")) {
            return null;
        }
        if (!p.endsWith(".class") || p.endsWith("module-info.class")) {
            return null;
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash).replace('/', '.');
    }
}
