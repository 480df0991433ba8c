package org.milkbottle.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs, updates, removes, starts and stops plugins, and keeps their history. Every change is a
 * transaction: it completes, or everything it touched is restored and a {@link PluginException} says
 * why. Plugins are named by symbolic name, {@code Bundle-Name} or bundle id.
 */
@ProviderType
public interface PluginManager {

    /** Computes what {@link #install} would do, changing nothing. */
    InstallPlan plan(InstallRequest request);

    /** Installs (or updates to) the bundles of the request, all or none; simulates if the request says so. */
    InstallResult install(InstallRequest request);

    /** Updates a plugin from a new source, or from its original source when {@code source} is empty. */
    InstallResult update(String plugin, Optional<String> source, String origin);

    /**
     * As {@link #update(String, Optional, String)}; with {@code replace} the new version may come from another
     * source and another signer than the installed one (otherwise such an update is refused).
     *
     * @since 1.2
     */
    InstallResult update(String plugin, Optional<String> source, String origin, boolean replace);

    /** Plugins installed by name for which the repositories have a newer compatible version. */
    List<PluginUpdate> outdated();

    /**
     * Updates every plugin of {@link #outdated()} to its newer version as one transaction (one
     * {@code mb:rollback} undoes all of them), with whatever new dependencies they need.
     *
     * @throws PluginException when nothing is outdated, or the updates cannot be resolved or started
     */
    InstallResult updateAll(boolean simulate, String origin);

    /** Uninstalls a plugin installed through MilkBottle. */
    InstallResult uninstall(String plugin, String origin);

    /** Starts a plugin, waiting until its components are active; fails if it does not come up. */
    PluginInfo start(String plugin);

    /** Stops a plugin. */
    PluginInfo stop(String plugin);

    /** Installed plugins and libraries; with {@code includeRuntime} also the runtime's own bundles. */
    List<PluginInfo> list(boolean includeRuntime);

    /**
     * The bundles installed through MilkBottle, each with its version, content hash, whether it runs and
     * where it came from. Cheaper than {@link #list}: it runs no health checks.
     */
    List<BundleSnapshot> installed();

    /** Everything known about one plugin. */
    PluginDetails details(String plugin);

    /** All recorded transactions, oldest first. */
    List<Transaction> history();

    /**
     * Restores the managed bundles to what they were before transaction {@code id}, or before the latest
     * committed transaction when {@code id} is empty. The rollback is itself recorded.
     */
    InstallResult rollback(Optional<Long> id);
}
