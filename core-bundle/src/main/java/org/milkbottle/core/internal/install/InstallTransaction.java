package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.config.ConfigChange;
import org.milkbottle.core.internal.config.ConfigurationMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Applies the bundles of one request to the framework: install or update each, resolve them all, start
 * them in dependency order. Throws {@link PluginException} at the first failure; the caller then
 * restores the state recorded before, so the request has no effect.
 */
public final class InstallTransaction {

    private final ManagedBundles managed;
    private final BundleStarter starter;
    private final RequirementExplainer explainer;
    private final ConfigurationMigrator migrator;
    private final List<String> warnings = new ArrayList<>();
    private final List<ConfigChange> configChanges = new ArrayList<>();

    public InstallTransaction(ManagedBundles managed, BundleStarter starter, RequirementExplainer explainer) {
        this(managed, starter, explainer, null);
    }

    /** @param migrator moves an updated plugin's configuration to its new schema; null: none is moved */
    public InstallTransaction(ManagedBundles managed, BundleStarter starter, RequirementExplainer explainer,
            ConfigurationMigrator migrator) {
        this.managed = managed;
        this.starter = starter;
        this.explainer = explainer;
        this.migrator = migrator;
    }

    /** The configuration changes the updates' migrations made, in order: undone if the transaction fails. */
    public List<ConfigChange> configChanges() {
        return List.copyOf(configChanges);
    }

    /** Warnings collected while applying. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Installs or updates every archive, resolves and (if asked) starts them.
     *
     * @param origin who asked, recorded with each bundle
     * @return the bundles touched
     */
    public List<Bundle> apply(List<BundleArchive> archives, boolean start, String origin, Duration startTimeout) {
        Set<Bundle> touched = new LinkedHashSet<>();
        for (BundleArchive archive : archives) {
            String name = archive.symbolicName();
            Optional<Bundle> existing = managed.find(name);
            BundleSnapshot record = new BundleSnapshot(name, archive.version(), archive.sha256(), start,
                    archive.source(), origin);
            try {
                if (existing.isEmpty()) {
                    touched.add(managed.install(record, archive.path()));
                } else if (archive.sha256().equals(managed.currentSha(name).orElse(null))) {
                    touched.add(existing.get());
                } else {
                    Bundle bundle = existing.get();
                    Version installed = bundle.getVersion();
                    managed.stop(bundle); // bounded: a stop that never returns must not hold the transaction
                    managed.update(bundle, record, archive.path());
                    touched.add(bundle);
                    if (migrator != null) {
                        // while the plugin is stopped: the new version's components see the migrated values only
                        List<ConfigChange> migrated = migrator.migrate(archive.path(), name, installed);
                        configChanges.addAll(migrated);
                        migrated.forEach(change -> warnings.add("Migrated the configuration '" + change.pid()
                                + "' from " + name + " " + installed + " to " + archive.version() + "'s schema."));
                    }
                }
            } catch (BundleException | IllegalStateException e) {
                throw new PluginException("Installing " + archive.source() + " (" + name + " " + archive.version()
                        + ") failed: " + e.getMessage(), e);
            }
        }
        managed.refresh();
        List<Bundle> unresolved = managed.resolve(touched);
        if (!unresolved.isEmpty()) {
            throw new PluginException(explainUnresolved(unresolved));
        }
        if (start) {
            for (Bundle bundle : ManagedBundles.startOrder(touched)) {
                warnings.addAll(starter.start(bundle, startTimeout, true));
                if (managed.frameworkStopping()) {
                    // Felix returns from start() without starting anything once it stops (SIGTERM in the middle of
                    // the starts): committed, the plugins would have stayed stopped for good. Undone instead
                    throw new PluginException("The runtime is stopping, so " + bundle.getSymbolicName()
                            + " could not be started: nothing was changed. Run the command again after the next "
                            + "start.");
                }
            }
        }
        return new ArrayList<>(touched);
    }

    /**
     * Makes the start of the touched bundles persistent, once the transaction is committed: until then
     * they were started transiently, so that after a crash the framework does not start them again.
     */
    public static void persistStarts(List<Bundle> touched) {
        for (Bundle bundle : touched) {
            if (bundle.getState() == Bundle.ACTIVE && bundle.getHeaders("").get("Fragment-Host") == null) {
                try {
                    bundle.start();
                } catch (BundleException | IllegalStateException e) {
                    // it stays started for this run; only its automatic start at the next launch is lost
                    System.getLogger(InstallTransaction.class.getName()).log(System.Logger.Level.WARNING,
                            "Could not record " + bundle.getSymbolicName() + " as started: " + e.getMessage());
                }
            }
        }
    }

    private String explainUnresolved(List<Bundle> unresolved) {
        Offers index = PlanContext.installed(managed.everything());
        List<String> reasons = new ArrayList<>();
        for (Bundle bundle : unresolved) {
            String who = bundle.getSymbolicName() + " " + bundle.getVersion();
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            List<String> missing = new ArrayList<>();
            for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
                var directives = requirement.getDirectives();
                if ("optional".equals(directives.get("resolution"))
                        || !"resolve".equals(directives.getOrDefault("effective", "resolve"))) {
                    continue;
                }
                explainer.explainIfMissing(who, requirement.getNamespace(), directives.get("filter"), index)
                        .ifPresent(missing::add);
            }
            if (missing.isEmpty()) {
                missing.add(who + " cannot be resolved: " + resolverMessage(bundle)
                        + ". Check that the bundles it depends on resolve and agree on package versions.");
            }
            reasons.addAll(missing);
        }
        return String.join("\n", reasons);
    }

    private static String resolverMessage(Bundle bundle) {
        try {
            // a transient start only asks the resolver; the bundle is rolled back right after
            bundle.start(Bundle.START_TRANSIENT);
            bundle.stop(Bundle.STOP_TRANSIENT);
            return "the resolver gave no reason";
        } catch (BundleException | IllegalStateException e) {
            return e.getMessage();
        }
    }
}
