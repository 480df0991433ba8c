package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.config.ConfigChange;
import org.milkbottle.core.internal.config.ConfigHistory;
import org.milkbottle.core.internal.config.ConfigurationMigrator;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.Transaction;
import org.milkbottle.core.internal.store.ManagedState;
import org.milkbottle.core.internal.store.TransactionLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Runs changes to the managed bundles as transactions: the state before is journaled, the change runs, and
 * the new state is committed to history — or, on any failure, the state before is restored and the failure
 * recorded. Refusals made before anything changed are recorded too, so history tells every request.
 * Callers serialise transactions (the plugin manager's lock).
 */
public final class TransactionEngine {

    /** One step of a transaction: changes the framework and says what it did. */
    @FunctionalInterface
    public interface Step {
        InstallPlan run(List<BundleSnapshot> before) throws BundleException;
    }

    private final ManagedBundles managed;
    private final ManagedState state;
    private final TransactionLog log;
    private final Supplier<StateRestorer> restorer;
    private final Supplier<Duration> startTimeout;
    private final Function<Bundle, PluginInfo> info;
    private final ConfigHistory configHistory;

    public TransactionEngine(ManagedBundles managed, ManagedState state, TransactionLog log,
            Supplier<StateRestorer> restorer, Supplier<Duration> startTimeout, Function<Bundle, PluginInfo> info,
            Path data, ConfigurationMigrator migrator) {
        this.configHistory = new ConfigHistory(data, migrator, id -> log.history().stream()
                .filter(t -> t.id() == id && t.status() == Transaction.Status.COMMITTED).map(Transaction::time)
                .findFirst());
        this.managed = managed;
        this.state = state;
        this.log = log;
        this.restorer = restorer;
        this.startTimeout = startTimeout;
        this.info = info;
    }

    /** Runs {@code step} as a transaction; see the class comment. */
    public InstallResult run(String action, String subject, String origin, Step step) {
        List<BundleSnapshot> before = managed.snapshot();
        TransactionLog.InFlight journal = log.begin(action, subject, origin, before);
        InstallPlan plan;
        try {
            plan = step.run(before);
        } catch (BundleException | RuntimeException e) {
            String message = e instanceof PluginException ? e.getMessage() : action + " failed: " + e;
            List<String> problems = restorer.get().restore(before, startTimeout.get());
            if (!problems.isEmpty()) {
                message += "\nRestoring the previous state was incomplete: " + String.join("; ", problems);
            }
            forgetAbandoned();
            log.end(new Transaction(journal.id(), Instant.now(), action, subject, origin, Transaction.Status.FAILED,
                    message, before, managed.snapshot()));
            throw new PluginException(message, e);
        }
        List<BundleSnapshot> after = managed.snapshot();
        state.replace(after);
        log.end(new Transaction(journal.id(), Instant.now(), action, subject, origin, Transaction.Status.COMMITTED,
                InstallPlanner.summary(plan), before, after));
        Set<String> names = new HashSet<>();
        plan.changes().forEach(c -> names.add(c.symbolicName()));
        List<PluginInfo> plugins = new ArrayList<>();
        for (Bundle bundle : managed.all()) {
            if (names.contains(bundle.getSymbolicName())) {
                plugins.add(info.apply(bundle));
            }
        }
        return new InstallResult(journal.id(), plan, plugins, List.of());
    }

    /** Records a request refused before it touched the framework. */
    public void refused(String action, String subject, String origin, String message) {
        List<BundleSnapshot> now = managed.snapshot();
        TransactionLog.InFlight journal = log.begin(action, subject, origin, now);
        log.end(new Transaction(journal.id(), Instant.now(), action, subject, origin, Transaction.Status.FAILED,
                message, now, now));
    }

    /**
     * A plugin abandoned outside a transaction (mb:start, mb:stop) leaves the managed state: record that, and the
     * failure, in history as a transaction would.
     */
    public void recordIfAbandoned(String action, Bundle bundle, PluginException failure) {
        if (managed.abandoned().contains(bundle)) {
            forgetAbandoned();
            refused(action, bundle.getSymbolicName(), "shell", failure.getMessage());
        }
    }

    /** The committed state loses the plugins abandoned since (their start or stop never returned). */
    private void forgetAbandoned() {
        List<BundleSnapshot> kept = state.all().stream().filter(s -> !managed.abandoned().holdsLocation(
                ManagedBundles.LOCATION_PREFIX + s.symbolicName())).toList();
        if (kept.size() != state.all().size()) {
            state.replace(kept);
        }
    }

    /** The configuration changes transactions made, and how they are undone. */
    public ConfigHistory configHistory() {
        return configHistory;
    }

    /**
     * Puts back the state before a committed transaction (the last one when no id is given), as a transaction: the
     * bundles, and the configuration that transaction and later ones migrated.
     */
    public InstallResult rollback(Optional<Long> id) {
        Transaction target = rollbackTarget(log.history(), id);
        List<ConfigChange> undone = new ArrayList<>();
        InstallResult result = run("rollback", "to the state before #" + target.id(), "shell", before -> {
            // the configuration first, so that the versions put back start with the values they were written for
            undone.addAll(configHistory.undoSince(target.id()));
            List<String> problems = restorer.get().restore(target.before(), startTimeout.get());
            if (!problems.isEmpty()) {
                configHistory.migrator().undo(undone); // the bundles stay as they were: so does their configuration
                throw new PluginException("Rollback to the state before #" + target.id() + " failed: "
                        + String.join("; ", problems));
            }
            return new InstallPlan(InstallPlanner.diff(before, target.before()), List.of());
        });
        configHistory.record(result.transactionId(), undone);
        return result;
    }

    /** The transaction {@code mb:rollback [ID]} undoes: the one named, or the last committed one. */
    static Transaction rollbackTarget(List<Transaction> history, Optional<Long> id) {
        Transaction target = id.map(wanted -> history.stream().filter(t -> t.id() == wanted).findFirst()
                .orElseThrow(() -> new PluginException("There is no transaction " + wanted
                        + "; mb:history lists them.")))
                .orElseGet(() -> history.stream().filter(t -> t.status() == Transaction.Status.COMMITTED)
                        .reduce((a, b) -> b)
                        .orElseThrow(() -> new PluginException("Nothing to roll back: no transaction has been "
                                + "committed yet.")));
        if (target.status() != Transaction.Status.COMMITTED) {
            throw new PluginException("Transaction " + target.id() + " " + target.status().name().toLowerCase()
                    + " and changed nothing, so there is nothing to roll back.");
        }
        return target;
    }
}
