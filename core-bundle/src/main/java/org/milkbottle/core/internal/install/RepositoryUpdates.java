package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginResolver;
import org.milkbottle.api.PluginUpdate;

/**
 * Which plugins installed by name have a newer compatible version in the repositories, and the
 * request that updates them all at once.
 */
public final class RepositoryUpdates {

    private final Supplier<PluginResolver> resolver;

    public RepositoryUpdates(Supplier<PluginResolver> resolver) {
        this.resolver = resolver;
    }

    public List<PluginUpdate> outdated(List<PluginInfo> plugins) {
        PluginResolver current = resolver.get();
        if (current == null) {
            return List.of();
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (PluginInfo plugin : plugins) {
            if (plugin.source() != null && RequestFetcher.isPluginName(plugin.source(), Path.of(System.getProperty(
                    "user.dir")))) {
                byName.put(plugin.symbolicName(), plugin.version());
            }
        }
        List<PluginUpdate> updates = new ArrayList<>();
        current.newerVersions(byName).forEach((name, version) -> updates.add(new PluginUpdate(name, byName.get(name),
                version)));
        return updates;
    }

    /** The sources that install exactly the newer versions: {@code NAME@[V,V]}. */
    public static List<String> sources(List<PluginUpdate> updates) {
        return updates.stream().map(u -> u.symbolicName() + "@[" + u.availableVersion() + "," + u.availableVersion()
                + "]").toList();
    }
}
