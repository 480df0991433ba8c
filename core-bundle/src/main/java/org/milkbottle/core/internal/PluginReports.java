package org.milkbottle.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.api.ConfigurationSchema;
import org.milkbottle.api.HealthReport;
import org.milkbottle.api.PluginConfiguration;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.osgi.framework.Bundle;

/**
 * What {@code mb:list} and {@code mb:info} show: installed bundles with their health, and one plugin's
 * metadata, dependencies, commands, configuration and health. Read only; no lock needed.
 */
final class PluginReports {

    private final ManagedBundles managed;
    private final PluginLookup lookup;
    private final String runtimeVersion;
    private final Supplier<PluginHealth> health;
    private final Supplier<PluginConfiguration> configuration;

    PluginReports(ManagedBundles managed, PluginLookup lookup, String runtimeVersion, Supplier<PluginHealth> health,
            Supplier<PluginConfiguration> configuration) {
        this.managed = managed;
        this.lookup = lookup;
        this.runtimeVersion = runtimeVersion;
        this.health = health;
        this.configuration = configuration;
    }

    List<PluginInfo> list(boolean includeRuntime) {
        PluginHealth healthService = health.get();
        List<HealthReport> reports = healthService == null ? List.of() : healthService.all();
        List<PluginInfo> out = new ArrayList<>();
        for (Bundle bundle : managed.everything()) {
            if (includeRuntime || ManagedBundles.isManaged(bundle)) {
                String status = reports.stream().filter(r -> r.symbolicName().equals(bundle.getSymbolicName()))
                        .map(HealthReport::status).findFirst().orElse(bundle.getState() == Bundle.ACTIVE ? "n/a"
                                : "STOPPED");
                out.add(lookup.info(bundle, managed::record, status));
            }
        }
        return out;
    }

    PluginDetails details(String plugin) {
        Bundle bundle = lookup.find(plugin);
        PluginHealth healthService = health.get();
        HealthReport report = healthService == null
                ? new HealthReport(bundle.getSymbolicName(), "n/a", List.of())
                : healthService.of(String.valueOf(bundle.getBundleId()));
        PluginConfiguration configurationService = configuration.get();
        List<ConfigurationSchema> schemas = configurationService == null ? List.of()
                : configurationService.schemas(String.valueOf(bundle.getBundleId()));
        return new PluginDetails(lookup.info(bundle, managed::record, report.status()), lookup.descriptor(bundle),
                runtimeVersion, lookup.dependencies(bundle), PluginLookup.commands(bundle), schemas, report);
    }

    /** A bundle's entry as a command shows it right after changing it (health not asked). */
    PluginInfo info(Bundle bundle) {
        return lookup.info(bundle, managed::record, bundle.getState() == Bundle.ACTIVE ? "n/a" : "STOPPED");
    }
}
