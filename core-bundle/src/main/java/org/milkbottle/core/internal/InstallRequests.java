package org.milkbottle.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.install.BundleArchive;
import org.milkbottle.core.internal.install.BundleStarter;
import org.milkbottle.core.internal.install.ContentJudge;
import org.milkbottle.core.internal.install.InstallPhases;
import org.milkbottle.core.internal.install.InstallPlanner;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.core.internal.install.RequestApplier;
import org.milkbottle.core.internal.install.RequestPreparation;
import org.milkbottle.core.internal.install.RequirementExplainer;
import org.milkbottle.core.internal.install.TransactionEngine;
import org.milkbottle.core.internal.install.UpdateContinuity;
import org.milkbottle.core.internal.install.ValidationStep;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.perf.api.InstallTimings;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.Bundle;

/**
 * The requests that bring archives in (install, update, and their simulation): each fetches into a staging of its
 * own, outside the lock, then validates, plans and applies them under it. The staging is closed whichever way the
 * request ends, so that only what a transaction installed stays in the store.
 */
final class InstallRequests {

    /** Runs work under the plugin manager's lock, on its transaction thread. */
    @FunctionalInterface
    interface Locked {
        <T> T run(Supplier<T> work);
    }

    private final RuntimeStages stages;
    private final ArtifactStore store;
    private final RequestPreparation preparation;
    private final ManagedBundles managed;
    private final TransactionEngine transactions;
    private final Validator validator;
    private final BundleStarter starter;
    private final RequirementExplainer explainer;
    private final Supplier<Duration> startTimeout;
    private final Supplier<InstallTimings> installTimings;
    private final Locked locked;

    InstallRequests(RuntimeStages stages, ArtifactStore store, RequestPreparation preparation, ManagedBundles managed,
            TransactionEngine transactions, Validator validator, BundleStarter starter, RequirementExplainer explainer,
            Supplier<Duration> startTimeout, Supplier<InstallTimings> installTimings, Locked locked) {
        this.stages = stages;
        this.store = store;
        this.preparation = preparation;
        this.managed = managed;
        this.transactions = transactions;
        this.validator = validator;
        this.starter = starter;
        this.explainer = explainer;
        this.startTimeout = startTimeout;
        this.installTimings = installTimings;
        this.locked = locked;
    }

    InstallPlan plan(InstallRequest request) {
        awaitRepositories();
        try (ArtifactStore.Staging staging = store.staging()) { // a simulation keeps nothing it fetched
            RequestPreparation.Prepared prepared = preparation.prepare(request.sources(), staging);
            // a simulation validates as the install would (nothing is recorded): a plan the validator would veto
            // is not feasible
            List<String> problems = new ArrayList<>(validationStep().preview(prepared.archives(), request.origin(),
                    request));
            problems.addAll(prepared.problems());
            InstallPlan plan = planner().plan(prepared.archives(), managed.everything());
            problems.addAll(plan.problems());
            return new InstallPlan(plan.changes(), problems);
        }
    }

    InstallResult install(InstallRequest request) {
        if (request.simulate()) {
            return new InstallResult(0, plan(request), List.of(), List.of());
        }
        String subject = String.join(" ", request.sources());
        InstallPhases phases = new InstallPhases();
        try (ArtifactStore.Staging staging = store.staging()) {
            RequestPreparation.Prepared prepared = phases.time(InstallTimings.FETCH,
                    () -> prepare(request.sources(), "install", subject, request.origin(), staging));
            return locked.run(() -> apply("install", subject, request.origin(), prepared, request, phases, staging));
        }
    }

    /** Replaces the managed {@code bundle} with what {@code from} holds, which must be the same plugin. */
    InstallResult update(Bundle bundle, String from, String origin, boolean replace) {
        String subject = bundle.getSymbolicName() + " from " + from;
        InstallPhases phases = new InstallPhases();
        try (ArtifactStore.Staging staging = store.staging()) {
            RequestPreparation.Prepared prepared = phases.time(InstallTimings.FETCH,
                    () -> prepare(List.of(from), "update", subject, origin, staging));
            if (prepared.archives().stream().noneMatch(a -> a.symbolicName().equals(bundle.getSymbolicName()))) {
                throw new PluginException(from + " contains " + prepared.archives().get(0).symbolicName() + ", not "
                        + bundle.getSymbolicName() + ". To install a different plugin use mb:install.");
            }
            boolean start = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
            return locked.run(() -> apply("update", subject, origin, prepared,
                    new InstallRequest(List.of(from), false, start, origin, false, List.of(), replace), phases,
                    staging));
        }
    }

    /** Fetches and plans; a failure is recorded in history as a refusal, like a veto. */
    private RequestPreparation.Prepared prepare(List<String> sources, String action, String subject, String origin,
            ArtifactStore.Staging staging) {
        awaitRepositories();
        try {
            return preparation.prepare(sources, staging);
        } catch (PluginException e) {
            locked.run(() -> {
                transactions.refused(action, subject, origin, e.getMessage());
                return null;
            });
            throw e;
        }
    }

    /**
     * Plugins named by the repositories: the repository client and the embedded marketplace start after the
     * prompt, and a request right after start-up waits for them.
     */
    private void awaitRepositories() {
        stages.awaitStarted(startTimeout.get().multipliedBy(2).plusSeconds(30));
    }

    private InstallResult apply(String action, String subject, String origin, RequestPreparation.Prepared prepared,
            InstallRequest request, InstallPhases phases, ArtifactStore.Staging staging) {
        InstallResult result = new RequestApplier(this::validationStep, planner(), transactions, managed, starter,
                explainer, startTimeout).apply(action, subject, origin, prepared, request, phases, staging);
        phases.report(installTimings.get(), prepared.archives().stream().map(BundleArchive::symbolicName).toList());
        return result;
    }

    private InstallPlanner planner() {
        return new InstallPlanner(managed::currentSha);
    }

    private ValidationStep validationStep() {
        return new ValidationStep(validator, new UpdateContinuity(managed::record,
                new ContentJudge(validator, store)::signerOf));
    }
}
