package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginUpdate;
import org.osgi.framework.Version;
import org.osgi.resource.Resource;

/**
 * Which plugins installed by name have a newer version in the repositories that fits this runtime, and
 * the request that updates them all at once.
 */
public final class RepositoryUpdates {

    private final PluginRepositories repositories;
    private final Map<String, Object> runtimeCapability;

    /**
     * @param repositories the plugin repositories
     * @param runtimeCapability the attributes of this runtime's {@code milkbottle.runtime} capability
     */
    public RepositoryUpdates(PluginRepositories repositories, Map<String, Object> runtimeCapability) {
        this.repositories = repositories;
        this.runtimeCapability = runtimeCapability;
    }

    public List<PluginUpdate> outdated(List<PluginInfo> plugins) {
        List<PluginUpdate> updates = new ArrayList<>();
        if (repositories.isEmpty()) {
            return updates;
        }
        PluginRepositories.Session session = repositories.session();
        Path workingDirectory = Path.of(System.getProperty("user.dir"));
        for (PluginInfo plugin : plugins) {
            if (plugin.source() == null || !RequestFetcher.isPluginName(plugin.source(), workingDirectory)) {
                continue;
            }
            Version current = Version.parseVersion(plugin.version());
            session.versionsOf(plugin.symbolicName()).stream()
                    .filter(r -> PluginRepositories.version(r).compareTo(current) > 0)
                    .filter(r -> PluginRepositories.fitsRuntime(r, runtimeCapability))
                    .map(PluginRepositories::version).max(Version::compareTo)
                    .ifPresent(best -> updates.add(new PluginUpdate(plugin.symbolicName(), plugin.version(),
                            best.toString())));
        }
        return updates;
    }

    /** The sources that install exactly the newer versions: {@code NAME@[V,V]}. */
    public static List<String> sources(List<PluginUpdate> updates) {
        return updates.stream().map(u -> u.symbolicName() + "@[" + u.availableVersion() + "," + u.availableVersion()
                + "]").toList();
    }
}
