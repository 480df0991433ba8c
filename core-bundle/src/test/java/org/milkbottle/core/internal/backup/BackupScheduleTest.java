package org.milkbottle.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupScheduleTest {

    @TempDir
    Path folder;

    @Test
    void intervalsAreANumberAndAUnit() {
        assertThat(BackupService.interval("")).isNull();
        assertThat(BackupService.interval(" 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BackupService.interval("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(BackupService.interval("6h")).isEqualTo(Duration.ofHours(6));
        assertThat(BackupService.interval("1d")).isEqualTo(Duration.ofDays(1));
        for (String bad : new String[] {"0s", "daily", "5", "-1h", "1w"}) {
            assertThatThrownBy(() -> BackupService.interval(bad)).hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("30s, 15m, 6h, 1d");
        }
    }

    @Test
    void retentionDeletesTheOldestScheduledBackupsOnlyNotThoseOfMbBackup() throws Exception {
        for (String name : new String[] {"milkbottle-scheduled-20261201-100000.zip",
            "milkbottle-scheduled-20261202-100000.zip", "milkbottle-scheduled-20261203-100000.zip",
            "milkbottle-scheduled-20261130-235959.zip", "milkbottle-backup-20261101-000000.zip", "my-own.zip"}) {
            Files.writeString(folder.resolve(name), name);
        }
        assertThat(BackupService.prune(folder, 2)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("milkbottle-scheduled-20261201-100000.zip",
                        "milkbottle-scheduled-20261130-235959.zip");
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "milkbottle-scheduled-20261202-100000.zip", "milkbottle-scheduled-20261203-100000.zip",
                    "milkbottle-backup-20261101-000000.zip", "my-own.zip");
        }
    }
}
