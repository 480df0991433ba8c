package org.milkbottle.core.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.store.JsonFiles;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The configuration changes each committed transaction made ({@code config-changes/ID.json} in the data folder),
 * so that {@code mb:rollback} puts the configuration back with the bundles.
 */
public final class ConfigHistory {

    /**
     * What one transaction changed, with when it was committed: a history moved aside restarts the ids at 1, and a
     * file of an earlier history must not be taken for the new transaction of its id.
     */
    record Entry(long transaction, Instant committed, List<ConfigChange> changes) {
    }

    private static final TypeReference<Entry> ENTRY = new TypeReference<>() {
    };

    private final Path folder;
    private final ConfigurationMigrator migrator;
    private final Function<Long, Optional<Instant>> committed;

    /** @param committed when the committed transaction of an id was committed, as the history says */
    public ConfigHistory(Path data, ConfigurationMigrator migrator, Function<Long, Optional<Instant>> committed) {
        this.folder = data.resolve("config-changes");
        this.migrator = migrator;
        this.committed = committed;
    }

    public ConfigurationMigrator migrator() {
        return migrator;
    }

    /** Keeps what a committed transaction changed; nothing is kept for none. */
    public void record(long transaction, List<ConfigChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Optional<Instant> when = committed.apply(transaction);
        if (when.isEmpty()) {
            return; // not a committed transaction: nothing to roll back with it
        }
        try {
            JsonFiles.write(folder.resolve(transaction + ".json"), new Entry(transaction, when.get(), changes));
        } catch (IOException e) {
            System.getLogger(ConfigHistory.class.getName()).log(System.Logger.Level.WARNING, "Could not record the "
                    + "configuration changes of transaction " + transaction + " (" + e.getMessage() + "); a rollback "
                    + "of it will not put the configuration back.");
        }
    }

    /**
     * Undoes the configuration changes of every transaction from {@code transaction} on, the newest first.
     *
     * @return what undoing changed (to record with the transaction that undid it)
     */
    public List<ConfigChange> undoSince(long transaction) {
        List<ConfigChange> undone = new ArrayList<>();
        for (Path file : filesSince(transaction)) {
            Entry entry = JsonFiles.read(file, ENTRY, "the configuration changes of a transaction",
                    "Delete it; a rollback then leaves the configuration as it is.");
            if (!committed.apply(entry.transaction()).equals(Optional.of(entry.committed()))) {
                continue; // left from a history that was moved aside: another transaction had this id
            }
            List<ConfigChange> changes = entry.changes();
            for (int i = changes.size() - 1; i >= 0; i--) {
                undone.add(changes.get(i).reversed());
            }
        }
        migrator.apply(undone);
        return undone;
    }

    private List<Path> filesSince(long transaction) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.json"))
                    .filter(f -> id(f) >= transaction).sorted(Comparator.comparingLong(ConfigHistory::id).reversed())
                    .toList();
        } catch (IOException e) {
            throw new PluginException("Could not read " + folder + ": " + e.getMessage(), e);
        }
    }

    private static long id(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".json".length()));
    }
}
