package org.milkbottle.core.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginConfiguration;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.milkbottle.perf.api.BundleUsage;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@code mb:} shell commands: each turns its arguments into one service call and renders the result. */
@Component(service = PluginCommands.class)
@GogoCommand(scope = "mb", function = {"list", "info", "install", "uninstall", "start", "stop", "update", "history",
    "rollback", "health", "config", "outdated"})
public class PluginCommands {

    private final PluginManager manager;
    private final PluginHealth health;
    private final PluginConfiguration configuration;

    /** The perf bundle: what a plugin costs, for {@code mb:info}; the command works without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PerformanceMonitor monitor;

    /**
     * The runtime's start stages: {@code mb:health} waits for the bundles started after the prompt (the marketplace,
     * the repository client), whose absence the runtime's own check would report as "still starting" — in a
     * one-shot {@code -c mb:health} they would not have started at all.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RuntimeStages stages;

    @Activate
    public PluginCommands(@Reference PluginManager manager, @Reference PluginHealth health,
            @Reference PluginConfiguration configuration) {
        this.manager = manager;
        this.health = health;
        this.configuration = configuration;
    }

    @Descriptor("list installed plugins: name, version, state, health, source")
    public String list(
            @Descriptor("also list the runtime's own bundles")
            @Parameter(names = {"-a", "--all"}, absentValue = "false", presentValue = "true") boolean all) {
        return PluginFormatter.list(manager.list(all), all);
    }

    @Descriptor("show everything about a plugin: metadata, runtime range, dependencies, commands, configuration, "
            + "health, and what it costs (CPU, allocation, threads, command latency, start and install timings)")
    public String info(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        PluginDetails details = manager.details(name);
        PerformanceMonitor figures = monitor;
        Optional<BundleUsage> usage = figures == null ? Optional.empty() : figures.bundle(details.info().bundleId());
        return PluginFormatter.details(details) + usage.map(u -> "\n" + UsageFormatter.usage(u)).orElse("");
    }

    @Descriptor("install plugins (all or none) from jar files, http(s) URLs, mvn:group/artifact/version or by name "
            + "from the repositories (NAME or 'NAME@RANGE')")
    public String install(
            @Descriptor("print the plan and change nothing")
            @Parameter(names = {"-t", "--simulate"}, absentValue = "false", presentValue = "true") boolean simulate,
            @Descriptor("install without starting")
            @Parameter(names = {"-s", "--no-start"}, absentValue = "false", presentValue = "true") boolean noStart,
            @Descriptor("install even a version that a known advisory says is bad (recorded in mb:audit)")
            @Parameter(names = {"-f", "--force"}, absentValue = "false", presentValue = "true") boolean force,
            @Descriptor("allow these permissions (comma-separated, e.g. process,reflection) for the bundles of this "
                    + "install beyond what their trust allows; recorded in mb:audit; never 'framework'")
            @Parameter(names = {"-p", "--allow-permissions"}, absentValue = "") String allowPermissions,
            @Descriptor("let a plugin that is installed already be replaced by a version from another source and "
                    + "signer")
            @Parameter(names = {"-r", "--replace"}, absentValue = "false", presentValue = "true") boolean replace,
            @Descriptor("FILE | URL | mvn:group/artifact/version | NAME | 'NAME@RANGE', one or more") String... sources) {
        if (sources == null || sources.length == 0) {
            throw new PluginException("mb:install needs at least one FILE, URL, mvn:group/artifact/version or plugin "
                    + "name. See: help mb:install");
        }
        InstallRequest request = new InstallRequest(List.of(sources), simulate, !noStart, "shell", force,
                PermissionList.parse(allowPermissions), replace);
        if (simulate) {
            return "Simulation: nothing was changed.\n" + PluginFormatter.plan(manager.plan(request));
        }
        return PluginFormatter.installed(manager.install(request));
    }

    @Descriptor("uninstall a plugin")
    public String uninstall(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        return PluginFormatter.result("Uninstalled", manager.uninstall(name, "shell"));
    }

    @Descriptor("start a plugin and wait until it is up")
    public String start(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        return PluginFormatter.info(manager.start(name));
    }

    @Descriptor("stop a plugin")
    public String stop(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        return PluginFormatter.info(manager.stop(name));
    }

    @Descriptor("update a plugin from the source it was installed from (a plugin installed by name: the newest "
            + "compatible version in the repositories), from a new SOURCE, or --all plugins installed by name")
    public String update(
            @Descriptor("update every plugin mb:outdated lists, as one transaction") @Parameter(names = {"-a", "--all"},
                    presentValue = "true", absentValue = "false") boolean all,
            @Descriptor("with --all: print the plan and change nothing") @Parameter(names = {"-t", "--simulate"},
                    presentValue = "true", absentValue = "false") boolean simulate,
            @Descriptor("let the new version come from another source and signer than the installed one")
            @Parameter(names = {"-r", "--replace"}, presentValue = "true", absentValue = "false") boolean replace,
            @Descriptor("NAME [SOURCE]: plugin symbolic name, name or bundle id, and a FILE | URL | "
                    + "mvn:group/artifact/version") String... args) {
        if (all) {
            if (args.length > 0) {
                throw new IllegalArgumentException("mb:update --all takes no plugin name.");
            }
            if (manager.outdated().isEmpty()) {
                return "Every plugin installed by name is up to date.\n";
            }
            InstallResult result = manager.updateAll(simulate, "shell");
            return simulate ? PluginFormatter.plan(result.plan()) : PluginFormatter.result("Updated", result);
        }
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: mb:update NAME [SOURCE] | mb:update --all [--simulate]");
        }
        Optional<String> source = args.length == 2 ? Optional.of(args[1]) : Optional.empty();
        return PluginFormatter.updated(manager.update(args[0], source, "shell", replace));
    }

    @Descriptor("list plugins installed by name for which a repository has a newer compatible version")
    public String outdated() {
        return PluginFormatter.outdated(manager.outdated());
    }

    @Descriptor("list recorded install/update/uninstall/rollback transactions")
    public String history() {
        return PluginFormatter.history(manager.history());
    }

    @Descriptor("undo the latest committed transaction")
    public String rollback() {
        return PluginFormatter.result("Restored", manager.rollback(Optional.empty()));
    }

    @Descriptor("restore the plugins exactly as they were before transaction ID")
    public String rollback(@Descriptor("transaction id from mb:history") long id) {
        return PluginFormatter.result("Restored", manager.rollback(Optional.of(id)));
    }

    @Descriptor("health of all plugins")
    public String health() {
        awaitRuntimeStarted();
        return PluginFormatter.healthAll(health.all());
    }

    private void awaitRuntimeStarted() {
        RuntimeStages runtime = stages;
        if (runtime != null) {
            runtime.awaitStarted(Duration.ofSeconds(60));
        }
    }

    @Descriptor("health of one plugin, check by check")
    public String health(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        awaitRuntimeStarted();
        return PluginFormatter.health(health.of(name));
    }

    @Descriptor("show a plugin's configuration schema and current values")
    public String config(@Descriptor("plugin symbolic name, name or bundle id") String name) {
        var schemas = configuration.schemas(name);
        if (schemas.isEmpty()) {
            return name + " has no configuration schema.\n";
        }
        StringBuilder out = new StringBuilder();
        schemas.forEach(s -> out.append(PluginFormatter.config(s)));
        return out.toString();
    }

    @Descriptor("set a configuration value, checked against the plugin's schema first")
    public String config(@Descriptor("plugin symbolic name, name or bundle id") String name,
            @Descriptor("configuration key") String key, @Descriptor("new value") String value) {
        return "Set " + key + " = " + value + "\n" + PluginFormatter.config(configuration.set(name, key, value));
    }
}
