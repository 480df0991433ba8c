package org.milkbottle.api;

import java.util.List;

/**
 * Everything {@code mb:info} shows about one plugin.
 *
 * @param info the summary line
 * @param descriptor manifest metadata
 * @param runtimeVersion the version of this runtime, to compare with the plugin's range
 * @param dependencies its requirements and their providers
 * @param commands shell commands it registers, as {@code scope:function}
 * @param configurations its configuration schemas with current values
 * @param health its health checks
 */
public record PluginDetails(PluginInfo info, PluginDescriptor descriptor, String runtimeVersion,
        List<Dependency> dependencies, List<String> commands, List<ConfigurationSchema> configurations,
        HealthReport health) {

    public PluginDetails {
        dependencies = List.copyOf(dependencies);
        commands = List.copyOf(commands);
        configurations = List.copyOf(configurations);
    }
}
