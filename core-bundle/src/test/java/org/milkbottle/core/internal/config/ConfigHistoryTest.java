package org.milkbottle.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigHistoryTest {

    @TempDir
    Path data;

    private final Map<Long, Instant> committed = new HashMap<>();
    private final ConfigurationMigrator noConfigurationAdmin = new ConfigurationMigrator(() -> null,
            new ConfigurationMigrator.ConfigurationOwners() {
                @Override
                public List<String> othersDesignating(String pid, String plugin) {
                    return List.of();
                }

                @Override
                public String location(String plugin) {
                    return null;
                }
            });

    private ConfigHistory history() {
        return new ConfigHistory(data, noConfigurationAdmin, id -> Optional.ofNullable(committed.get(id)));
    }

    private static List<ConfigChange> change() {
        return List.of(ConfigChange.of("p", Map.of("old", "1"), Map.of("new", 1)));
    }

    @Test
    void onlyCommittedTransactionsAreRecordedAndNothingIsKeptForNoChange() {
        history().record(3, change());
        history().record(4, List.of());
        assertThat(data.resolve("config-changes")).doesNotExist();

        committed.put(5L, Instant.parse("2026-12-01T10:00:00Z"));
        history().record(5, change());
        assertThat(data.resolve("config-changes/5.json")).isRegularFile();
    }

    @Test
    void aFileLeftFromAnEarlierHistoryIsNotUndone() throws Exception {
        committed.put(7L, Instant.parse("2026-12-01T10:00:00Z"));
        history().record(7, change());
        // the history was moved aside: id 7 is now another transaction, committed at another time
        committed.put(7L, Instant.parse("2026-12-02T09:00:00Z"));

        assertThat(history().undoSince(1)).isEmpty();
        assertThat(Files.exists(data.resolve("config-changes/7.json"))).isTrue();
    }
}
