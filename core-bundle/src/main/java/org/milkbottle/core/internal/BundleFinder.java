package org.milkbottle.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;

import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Finds the bundle a user means, the same way for every command that takes a plugin name: its exact
 * symbolic name (a managed plugin's first), then the one symbolic name ending in {@code .NAME} (the short
 * name {@code mb:install} accepts), then the Maven artifactId it was built as (what {@code mb:install
 * mvn:G/A/V} was given), then its {@code Bundle-Name} ignoring case, then its bundle id. A name that several
 * bundles answer to is refused with the candidates.
 */
public final class BundleFinder {

    private static final String MAVEN_DESCRIPTORS = "META-INF/maven/";

    private BundleFinder() {
    }

    /** The bundle named {@code name}, or a {@link PluginException} that says what to do. */
    public static Bundle find(BundleContext context, String name) {
        if (name == null || name.isBlank()) {
            throw new PluginException("Name a plugin (its symbolic name, name or bundle id); mb:list shows them.");
        }
        String wanted = name.trim();
        Bundle managed = context.getBundle(ManagedBundles.LOCATION_PREFIX + wanted);
        if (managed != null) {
            return managed;
        }
        List<Bundle> bundles = Arrays.asList(context.getBundles());
        List<Predicate<Bundle>> ways = List.of(
                b -> wanted.equals(b.getSymbolicName()),
                b -> b.getSymbolicName() != null && b.getSymbolicName().endsWith("." + wanted),
                b -> artifactIds(b).stream().anyMatch(wanted::equalsIgnoreCase),
                b -> wanted.equalsIgnoreCase(b.getHeaders().get("Bundle-Name")));
        for (Predicate<Bundle> way : ways) {
            List<Bundle> matches = bundles.stream().filter(way).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new PluginException("'" + wanted + "' matches several bundles: " + matches.stream()
                        .map(b -> b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "]").toList()
                        + ". Use the symbolic name or the bundle id.");
            }
        }
        if (wanted.matches("\\d{1,18}")) {
            Bundle byId = context.getBundle(Long.parseLong(wanted));
            if (byId != null) {
                return byId;
            }
        }
        throw new PluginException("No plugin named '" + wanted + "' is installed. mb:list shows installed plugins"
                + " (mb:list -a all bundles).");
    }

    /** The artifactIds of the Maven descriptors in the bundle ({@code META-INF/maven/GROUP/ARTIFACT/}). */
    static List<String> artifactIds(Bundle bundle) {
        List<String> out = new ArrayList<>();
        for (String group : paths(bundle, MAVEN_DESCRIPTORS)) {
            for (String artifact : paths(bundle, group)) {
                String trimmed = artifact.endsWith("/") ? artifact.substring(0, artifact.length() - 1) : artifact;
                out.add(trimmed.substring(trimmed.lastIndexOf('/') + 1));
            }
        }
        return out;
    }

    private static List<String> paths(Bundle bundle, String folder) {
        try {
            // getEntryPaths reads the jar only: unlike findEntries it never tries to resolve the bundle
            Enumeration<String> paths = bundle.getEntryPaths(folder);
            return paths == null ? List.of() : Collections.list(paths).stream().filter(p -> p.endsWith("/")).toList();
        } catch (IllegalStateException e) {
            return List.of(); // uninstalled meanwhile
        }
    }
}
