package org.milkbottle.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Aggregated health of plugins, from their health check services (Felix Health Checks). */
@ProviderType
public interface PluginHealth {

    /** Health of every bundle installed through MilkBottle. */
    List<HealthReport> all();

    /** Health of one plugin. */
    HealthReport of(String plugin);
}
