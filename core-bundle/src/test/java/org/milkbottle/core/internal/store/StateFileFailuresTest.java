package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.Transaction;

/**
 * The data folder's lock and state files when the file system says no: a folder another runtime holds, a state
 * file that is a directory, a journal or history that cannot be written. Each failure names the file.
 */
class StateFileFailuresTest {

    @TempDir
    Path dir;

    private final List<BundleSnapshot> before = List.of(new BundleSnapshot("a", "1.0.0", "ab", true, "a.jar",
            "shell"));

    @Test
    void aFolderIsHeldByOneRuntimeAtATimeAndFreedOnClose() {
        Path data = dir.resolve("data");
        try (RuntimeLock first = RuntimeLock.acquire(data)) {
            assertThat(data.resolve("runtime.lock")).exists();
            assertThatThrownBy(() -> RuntimeLock.acquire(data)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Another MilkBottle runtime is using " + data
                            + ". Stop it first, or start this one from another folder.");
        }
        try (RuntimeLock again = RuntimeLock.acquire(data)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aDataFolderThatIsAFileCannotBeLocked() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        assertThatThrownBy(() -> RuntimeLock.acquire(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot lock " + file.resolve("runtime.lock"));
    }

    @Test
    void checkingStateFilesNamesTheFirstDamagedOneAndReleasesTheFolder() throws Exception {
        StateFiles.check(dir); // nothing there yet: nothing damaged
        Files.writeString(dir.resolve("state.json"), "{\"not\": \"a list\"}");

        assertThatThrownBy(() -> StateFiles.check(dir)).isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(dir.resolve("state.json") + " is damaged: expected a JSON list of the "
                        + "installed plugins' records")
                .hasMessageEndingWith("(install them again to record it)")
                .satisfies(e -> assertThat(((StateFileException) e).file()).isEqualTo(dir.resolve("state.json")));
        // the check let go of the folder even though it failed
        RuntimeLock.acquire(dir).close();
    }

    @Test
    void checkingAFolderAnotherRuntimeHoldsSaysSo() {
        try (RuntimeLock held = RuntimeLock.acquire(dir)) {
            assertThatThrownBy(() -> StateFiles.check(dir)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another MilkBottle runtime is using " + dir);
        }
    }

    @Test
    void aStateFileThatCannotBeReadIsNamedWithTheCause() throws Exception {
        Files.createDirectories(dir.resolve("state.json").resolve("child"));
        assertThatThrownBy(() -> new ManagedState(dir)).isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(dir.resolve("state.json") + " is damaged: it cannot be read (");
    }

    @Test
    void aHistoryThatCannotBeReadIsNamedWithTheRemedy() throws Exception {
        Files.createDirectories(dir.resolve("history.jsonl"));
        assertThatThrownBy(() -> new TransactionLog(dir)).isInstanceOf(StateFileException.class)
                .hasMessageContaining(dir.resolve("history.jsonl") + " is damaged: it cannot be read as UTF-8 text")
                .hasMessageContaining("mb:history and mb:rollback then forget every earlier transaction");
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheTransactionBeforeItStarts() throws Exception {
        TransactionLog log = new TransactionLog(dir);
        Files.createDirectories(dir.resolve("inflight.json").resolve("child")); // a folder in the journal's place
        assertThatThrownBy(() -> log.begin("install", "x.jar", "shell", before))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write transaction journal " + dir.resolve("inflight.json"));
    }

    @Test
    void aHistoryThatCannotBeAppendedToFailsTheEndNamingTheTransaction() throws Exception {
        TransactionLog log = new TransactionLog(dir);
        TransactionLog.InFlight tx = log.begin("install", "x.jar", "shell", before);
        Files.createDirectories(dir.resolve("history.jsonl"));
        assertThatThrownBy(() -> log.end(new Transaction(tx.id(), Instant.now(), "install", "x.jar", "shell",
                Transaction.Status.COMMITTED, "ok", before, before))).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot record transaction " + tx.id());
        assertThat(log.history()).isEmpty();
        assertThat(log.inFlight()).as("the journal stays, so a restart restores the state").isPresent();
    }

    @Test
    void managedStateThatCannotBeSavedNamesTheFile() throws Exception {
        ManagedState state = new ManagedState(dir);
        Files.createDirectories(dir.resolve("state.json").resolve("child"));
        assertThatThrownBy(() -> state.replace(before)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + dir.resolve("state.json"));
    }
}
