package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.Transaction;
import org.milkbottle.core.internal.store.ManagedState;
import org.milkbottle.core.internal.store.TransactionLog;

/** Finishes what a crash interrupted: the journaled transaction is rolled back to its recorded state. */
public final class CrashRecovery {

    private static final System.Logger LOG = System.getLogger(CrashRecovery.class.getName());

    private CrashRecovery() {
    }

    /**
     * Restores the state before the interrupted transaction, if the journal holds one, and records it.
     *
     * @return whether there was a transaction to recover
     */
    public static boolean recover(TransactionLog log, ManagedState state, ManagedBundles managed, StateRestorer restorer,
            Duration startTimeout) {
        Optional<TransactionLog.InFlight> interrupted = log.inFlight();
        interrupted.ifPresent(tx -> {
            LOG.log(System.Logger.Level.WARNING, "Transaction " + tx.id() + " (" + tx.action() + " " + tx.subject()
                    + ") was interrupted; restoring the state before it");
            List<String> problems = restorer.restore(tx.before(), startTimeout);
            List<BundleSnapshot> after = managed.snapshot();
            state.replace(after);
            log.end(new Transaction(tx.id(), Instant.now(), tx.action(), tx.subject(), tx.origin(),
                    Transaction.Status.INTERRUPTED, problems.isEmpty()
                            ? "interrupted by a stop of the runtime; rolled back at the next start"
                            : "interrupted; rollback incomplete: " + String.join("; ", problems),
                    tx.before(), after));
        });
        return interrupted.isPresent();
    }
}
