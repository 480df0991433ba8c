package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.perf.api.InstallTimings;
import org.osgi.framework.Bundle;

/**
 * Applies a prepared request, holding the plugin manager's lock: every archive is validated (the
 * validator has the last word, before any planning problem), the changes are planned, and the install
 * runs as one transaction — committed, or undone and recorded as failed. A refusal is recorded in history.
 */
public final class RequestApplier {

    private final Supplier<ValidationStep> validation;
    private final InstallPlanner planner;
    private final TransactionEngine transactions;
    private final ManagedBundles managed;
    private final BundleStarter starter;
    private final RequirementExplainer explainer;
    private final Supplier<Duration> startTimeout;

    public RequestApplier(Supplier<ValidationStep> validation, InstallPlanner planner, TransactionEngine transactions,
            ManagedBundles managed, BundleStarter starter, RequirementExplainer explainer,
            Supplier<Duration> startTimeout) {
        this.validation = validation;
        this.planner = planner;
        this.transactions = transactions;
        this.managed = managed;
        this.starter = starter;
        this.explainer = explainer;
        this.startTimeout = startTimeout;
    }

    /**
     * @param phases the request's phase timings so far (its fetch); validation, planning and the transaction are
     *        added here
     */
    public InstallResult apply(String action, String subject, String origin, RequestPreparation.Prepared prepared,
            InstallRequest request, InstallPhases phases, ArtifactStore.Staging staging) {
        List<BundleArchive> archives = prepared.archives();
        List<String> warnings = new ArrayList<>(prepared.notes());
        ValidationStep step = validation.get();
        List<String> vetoes = phases.time(InstallTimings.VALIDATE, () -> step.check(archives, origin,
                request.force(), request.allowPermissions(), warnings));
        List<String> continuity = step.continuityVetoes(origin, request.replace());
        if (!vetoes.isEmpty()) {
            vetoes.addAll(continuity);
            refuse(action, subject, origin, "Refused by validation (nothing was installed; see mb:validate FILE for "
                    + "the full report):\n" + String.join("\n", vetoes));
        }
        if (!continuity.isEmpty()) {
            // the jar itself passes (mb:validate approves it): what refuses it is the plugin installed already
            refuse(action, subject, origin, "Refused (nothing was installed):\n" + String.join("\n", continuity));
        }
        InstallPlan plan = phases.time(InstallTimings.RESOLVE, () -> planner.plan(archives, managed.everything()));
        if (!prepared.problems().isEmpty() || !plan.feasible()) {
            List<String> problems = new ArrayList<>(prepared.problems());
            problems.addAll(plan.problems());
            refuse(action, subject, origin, String.join("\n", problems));
        }
        if (plan.changes().stream().allMatch(c -> c.action() == PlannedChange.Action.UNCHANGED)
                && ("update".equals(action) || !request.start() || allActive(plan))) {
            // nothing newer, or the same content again: a request that changes nothing is no transaction (no id
            // spent, nothing to roll back). An install of a stopped plugin's same content still starts it.
            return new InstallResult(0, plan, List.of(), warnings);
        }
        String kind = plan.changes().stream().noneMatch(c -> c.action() == PlannedChange.Action.INSTALL)
                && plan.changes().stream().anyMatch(c -> c.action() == PlannedChange.Action.UPDATE)
                ? "update" : action; // installing a new version of an installed plugin is an update
        InstallTransaction tx = new InstallTransaction(managed, starter, explainer,
                transactions.configHistory().migrator());
        List<BundleArchive> toInstall = InstallPlanner.withoutRuntimeCopies(archives, managed.everything());
        // into the store before the transaction: its rollback and a recovery after a crash take the jars from there
        toInstall.forEach(archive -> staging.keep(archive.path(), archive.sha256()));
        InstallResult result = phases.time(InstallTimings.START, () -> transactions.run(kind, subject, origin,
                before -> {
                    try {
                        InstallTransaction.persistStarts(tx.apply(toInstall, request.start(), origin,
                                startTimeout.get()));
                    } catch (RuntimeException e) {
                        // the bundles are put back by the engine; the configuration the updates migrated, here
                        try {
                            transactions.configHistory().migrator().undo(tx.configChanges());
                        } catch (PluginException undoFailed) {
                            throw new PluginException(e.getMessage() + "\n" + undoFailed.getMessage(), e);
                        }
                        throw e;
                    }
                    return plan;
                }));
        transactions.configHistory().record(result.transactionId(), tx.configChanges());
        warnings.addAll(tx.warnings());
        return new InstallResult(result.transactionId(), result.plan(), result.plugins(), warnings);
    }

    private boolean allActive(InstallPlan plan) {
        return plan.changes().stream().allMatch(c -> managed.find(c.symbolicName())
                .filter(b -> b.getState() == Bundle.ACTIVE || b.getHeaders("").get("Fragment-Host") != null)
                .isPresent());
    }

    private void refuse(String action, String subject, String origin, String message) {
        transactions.refused(action, subject, origin, message);
        throw new PluginException(message);
    }
}
