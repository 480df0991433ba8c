package org.milkbottle.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How long a file in the deploy folder has been quiet: since it was last seen changing, or since its own time. */
class FileStateTest {

    @TempDir
    Path dir;

    @Test
    void aFileUnchangedForMinutesBeforeItWasSeenIsQuietAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("old.jar"), "not a jar");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(3))));

        FileState state = FileState.read(file, null);

        assertThat(state.quietFor(Duration.ofMinutes(2).toMillis())).isTrue();
        assertThat(state.quietFor(Duration.ofMinutes(4).toMillis())).isFalse();
    }

    @Test
    void aFileJustWrittenIsNotQuietYet() throws Exception {
        Path file = Files.writeString(dir.resolve("new.jar"), "being copied");

        assertThat(FileState.read(file, null).quietFor(5_000)).isFalse();
    }

    @Test
    void aTimeInTheFutureCountsAsNow() throws Exception {
        Path file = Files.writeString(dir.resolve("skewed.jar"), "from a clock ahead");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(Duration.ofHours(1))));

        assertThat(FileState.read(file, null).quietFor(5_000)).isFalse();
    }

    @Test
    void aFileThatChangesStartsItsQuietPeriodAgainAndOneThatDoesNotKeepsIt() throws Exception {
        Path file = Files.writeString(dir.resolve("growing.jar"), "part one");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(3))));
        FileState first = FileState.read(file, null);

        assertThat(FileState.read(file, first)).isSameAs(first);

        Files.writeString(file, "part one, part two");
        FileState changed = FileState.read(file, first);
        assertThat(changed).isNotEqualTo(first);
        assertThat(changed.quietFor(5_000)).isFalse();
    }
}
