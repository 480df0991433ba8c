package org.milkbottle.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns plugin <em>names</em> into bundles to install: {@code NAME} or {@code NAME@VERSION-RANGE} is
 * resolved, with every dependency the runtime lacks, against the configured repositories (marketplaces,
 * folder indexes), and the chosen jars are downloaded and verified. The install pipeline calls it for
 * each source that is not a file, URL or Maven coordinate; the marketplace client provides it.
 */
@ConsumerType
public interface PluginResolver {

    /**
     * Resolves and downloads.
     *
     * @param names plugin names, each {@code NAME} or {@code NAME@RANGE} (e.g. {@code hello@[1.0,2.0)})
     * @return the bundles to install, in no particular order: the source to remember for each (its plugin
     *         name, so that {@code mb:update} asks the repositories again) and the verified local jar
     * @throws PluginException when a name is unknown or a requirement cannot be met, explained in plain words
     */
    Map<String, Path> resolve(List<String> names);

    /**
     * The newest version the repositories have of each plugin, where it is newer than the installed one
     * and its runtime requirement fits this runtime.
     *
     * @param installed symbolic name to installed version, of plugins installed by name
     * @return symbolic name to newer version; plugins without one are left out
     */
    default Map<String, String> newerVersions(Map<String, String> installed) {
        return Map.of();
    }
}
