package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.Transaction;

class TransactionLogTest {

    @TempDir
    Path dir;

    private final List<BundleSnapshot> before = List.of(new BundleSnapshot("a", "1.0.0", "ab", true, "a.jar", "shell"));

    @Test
    void aTransactionInFlightSurvivesARestartUntilItEnds() {
        TransactionLog log = new TransactionLog(dir);
        TransactionLog.InFlight tx = log.begin("install", "x.jar", "shell", before);
        assertThat(tx.id()).isEqualTo(1);

        TransactionLog reopened = new TransactionLog(dir);
        assertThat(reopened.inFlight()).get().extracting(TransactionLog.InFlight::before).isEqualTo(before);
        reopened.end(new Transaction(1, Instant.now(), "install", "x.jar", "shell", Transaction.Status.INTERRUPTED,
                "rolled back", before, before));
        assertThat(reopened.inFlight()).isEmpty();

        TransactionLog again = new TransactionLog(dir);
        assertThat(again.history()).extracting(Transaction::status).containsExactly(Transaction.Status.INTERRUPTED);
        assertThat(again.begin("update", "a", "shell", before).id()).isEqualTo(2);
    }

    @Test
    void aHistoryLineCutShortByACrashIsSkipped() throws Exception {
        TransactionLog log = new TransactionLog(dir);
        log.begin("install", "x", "shell", before);
        log.end(new Transaction(1, Instant.now(), "install", "x", "shell", Transaction.Status.COMMITTED, "ok", before,
                before));
        Files.writeString(dir.resolve("history.jsonl"), "{\"id\":2,\"acti", StandardOpenOption.APPEND);
        assertThat(new TransactionLog(dir).history()).hasSize(1);
    }

    @Test
    void aJournalLeftBehindByACommittedTransactionIsRemovedNotRecovered() throws Exception {
        TransactionLog log = new TransactionLog(dir);
        TransactionLog.InFlight tx = log.begin("install", "x.jar", "shell", before);
        Path journal = dir.resolve("inflight.json");
        byte[] journaled = Files.readAllBytes(journal);
        log.end(new Transaction(tx.id(), Instant.now(), "install", "x.jar", "shell", Transaction.Status.COMMITTED,
                "ok", before, before));
        // a crash after the history line was written, before the journal was deleted
        Files.write(journal, journaled);

        TransactionLog reopened = new TransactionLog(dir);
        assertThat(reopened.inFlight()).isEmpty();
        assertThat(journal).doesNotExist();
        assertThat(reopened.history()).extracting(Transaction::status)
                .containsExactly(Transaction.Status.COMMITTED);
        assertThat(reopened.begin("update", "a", "shell", before).id()).isEqualTo(2);
    }

    @Test
    void anEmptyOrCorruptStateFileIsNamedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("state.json"), "");
        assertThatThrownBy(() -> new ManagedState(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(dir.resolve("state.json") + " is damaged: it is empty; expected a JSON list")
                .hasMessageContaining("move it aside");
        Files.writeString(dir.resolve("state.json"), "[{\"symbolicName\": ");
        assertThatThrownBy(() -> new ManagedState(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining("state.json is damaged: expected a JSON list").hasMessageContaining("line 1");
    }

    @Test
    void anEmptyOrCorruptJournalIsNamedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve("inflight.json"), "");
        assertThatThrownBy(() -> new TransactionLog(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(dir.resolve("inflight.json") + " is damaged: it is empty")
                .hasMessageContaining("the interrupted transaction is then not undone");
        Files.writeString(dir.resolve("inflight.json"), "not json");
        assertThatThrownBy(() -> new TransactionLog(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining("inflight.json is damaged: expected the JSON journal");
    }

    @Test
    void aDamagedHistoryLineIsNamedUnlessItIsTheLastOneCutShort() throws Exception {
        TransactionLog log = new TransactionLog(dir);
        log.begin("install", "x", "shell", before);
        log.end(new Transaction(1, Instant.now(), "install", "x", "shell", Transaction.Status.COMMITTED, "ok", before,
                before));
        Path history = dir.resolve("history.jsonl");
        String good = Files.readString(history);
        Files.writeString(history, "garbage\n" + good);
        assertThatThrownBy(() -> new TransactionLog(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(history + " is damaged: line 1 is not a transaction record")
                .hasMessageContaining("mb:history and mb:rollback then forget");
        // written whole (it ends with its newline), so not cut short by a crash
        Files.writeString(history, good + "garbage\n");
        assertThatThrownBy(() -> new TransactionLog(dir)).hasMessageContaining("line 2");
    }

    @Test
    void managedStateIsSavedAndRead() {
        new ManagedState(dir).replace(before);
        assertThat(new ManagedState(dir).get("a")).contains(before.get(0));
        assertThat(new ManagedState(dir).get("b")).isEmpty();
    }
}
