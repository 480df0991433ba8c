package org.milkbottle.core.internal;

import java.util.Arrays;
import java.util.List;

import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Finds the bundle a user means: a managed plugin's symbolic name, any bundle's symbolic name, its
 * {@code Bundle-Name} (ignoring case), or its bundle id. Shared by every service that takes plugin names.
 */
public final class BundleFinder {

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
        Bundle[] bundles = context.getBundles();
        List<Bundle> matches = Arrays.stream(bundles).filter(b -> wanted.equals(b.getSymbolicName())).toList();
        if (matches.isEmpty()) {
            matches = Arrays.stream(bundles).filter(b -> wanted.equalsIgnoreCase(b.getHeaders().get("Bundle-Name")))
                    .toList();
        }
        if (matches.isEmpty() && wanted.matches("\\d{1,18}")) {
            Bundle byId = context.getBundle(Long.parseLong(wanted));
            if (byId != null) {
                return byId;
            }
        }
        if (matches.isEmpty()) {
            throw new PluginException("No plugin named '" + wanted + "' is installed. mb:list shows installed plugins"
                    + " (mb:list -a all bundles).");
        }
        if (matches.size() > 1) {
            throw new PluginException("'" + wanted + "' matches several bundles: " + matches.stream()
                    .map(b -> b.getSymbolicName() + " " + b.getVersion() + " [" + b.getBundleId() + "]").toList()
                    + ". Use the bundle id.");
        }
        return matches.get(0);
    }
}
