package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.Transaction;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The history of transactions (one JSON line each, append-only) and the journal of the one in flight.
 * The journal is written before a transaction touches the framework and removed when it ends, so after
 * a crash the next start finds it and restores the state it recorded.
 */
public final class TransactionLog {

    private static final System.Logger LOG = System.getLogger(TransactionLog.class.getName());

    private static final String HISTORY_REMEDY = "Restore it from a backup, or move it aside: mb:history and"
            + " mb:rollback then forget every earlier transaction (the installed plugins stay)";

    private final Path historyFile;
    private final Path journalFile;
    private final List<Transaction> history = new ArrayList<>();
    private final AtomicLong lastId = new AtomicLong();

    /** What the journal records of a transaction in flight. */
    public record InFlight(long id, String action, String subject, String origin, List<BundleSnapshot> before) {
    }

    public TransactionLog(Path directory) {
        this.historyFile = directory.resolve("history.jsonl");
        this.journalFile = directory.resolve("inflight.json");
        load();
    }

    private void load() {
        if (Files.exists(historyFile)) {
            readHistory();
        }
        inFlight().ifPresent(tx -> {
            if (ended(tx.id())) {
                finishEnded(tx);
            } else {
                lastId.accumulateAndGet(tx.id(), Math::max);
            }
        });
    }

    private void readHistory() {
        String text;
        try {
            text = Files.readString(historyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StateFileException(historyFile, "it cannot be read as UTF-8 text (" + e + ")", HISTORY_REMEDY);
        }
        List<String> lines = text.lines().toList();
        // a line is appended with its newline in one write: only a last line without one was cut short by a crash
        boolean lastCutShort = !text.endsWith("\n");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Transaction tx = JsonFiles.MAPPER.readValue(line, Transaction.class);
                history.add(tx);
                lastId.accumulateAndGet(tx.id(), Math::max);
            } catch (IOException e) {
                if (i < lines.size() - 1 || !lastCutShort) {
                    throw new StateFileException(historyFile, "line " + (i + 1) + " is not a transaction record"
                            + " (expected one JSON object per line): " + e.getMessage().lines().findFirst()
                                    .orElse(""), HISTORY_REMEDY);
                }
                // a line cut short by a crash while appending: the transaction it described was
                // never committed, and the journal covers it
                LOG.log(System.Logger.Level.WARNING, "Skipping unreadable history line: " + e.getMessage());
            }
        }
    }

    private boolean ended(long id) {
        return history.stream().anyMatch(t -> t.id() == id);
    }

    /**
     * The runtime stopped between writing a transaction's history line and removing its journal: the
     * transaction ended (committed, or failed and was undone), so the journal is stale. Restoring the state it
     * recorded would undo a committed transaction; removing it finishes what the end began.
     */
    private void finishEnded(InFlight tx) {
        LOG.log(System.Logger.Level.INFO, "Transaction " + tx.id() + " had ended before the runtime stopped;"
                + " removing its leftover journal " + journalFile);
        try {
            Files.deleteIfExists(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the journal of ended transaction " + tx.id() + ": "
                    + journalFile, e);
        }
    }

    /** Starts a transaction: reserves an id and journals the state to restore if it does not finish. */
    public synchronized InFlight begin(String action, String subject, String origin, List<BundleSnapshot> before) {
        InFlight tx = new InFlight(lastId.incrementAndGet(), action, subject, origin, before);
        try {
            JsonFiles.write(journalFile, tx);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write transaction journal " + journalFile, e);
        }
        return tx;
    }

    /** Ends a transaction: appends it to the history and removes the journal. */
    public synchronized void end(Transaction tx) {
        try {
            JsonFiles.appendLine(historyFile, tx);
            history.add(tx);
            Files.deleteIfExists(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record transaction " + tx.id(), e);
        }
    }

    /** The transaction that was in flight when the runtime last stopped, if any. */
    public synchronized Optional<InFlight> inFlight() {
        if (!Files.exists(journalFile)) {
            return Optional.empty();
        }
        return Optional.of(JsonFiles.read(journalFile, new TypeReference<InFlight>() { },
                "the JSON journal of the transaction in flight when the runtime stopped", "Restore it from a backup,"
                + " or move it aside: the interrupted transaction is then not undone, and whatever it changed"
                + " stays as it was left (check with mb:list, undo with mb:rollback)"));
    }

    /** All ended transactions, oldest first. */
    public synchronized List<Transaction> history() {
        return List.copyOf(history);
    }
}
