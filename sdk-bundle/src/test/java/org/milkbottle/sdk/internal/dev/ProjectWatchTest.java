package org.milkbottle.sdk.internal.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.DevUpdate;

class ProjectWatchTest {

    @TempDir
    Path project;

    static Path jar(Path file, String entry, long modified) throws IOException {
        Files.createDirectories(file.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), new Manifest())) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(entry.getBytes());
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        return file;
    }

    @Test
    void aJarIsTakenOnceItLooksTheSameTwiceAndOpensAndOnlyOnce() throws Exception {
        ProjectWatch watch = new ProjectWatch(project);
        assertThat(watch.look(0)).as("no target folder yet").isEmpty();

        Path jar = jar(project.resolve("target/notes.jar"), "a", 1_000_000);
        assertThat(watch.look(10)).as("first seen: perhaps still being written").isEmpty();
        assertThat(watch.look(35)).map(ProjectWatch.Seen::jar).contains(jar);
        assertThat(watch.look(60)).as("taken already").isEmpty();

        jar(jar, "bb", 2_000_000);
        assertThat(watch.look(85)).isEmpty();
        assertThat(watch.look(110)).map(ProjectWatch.Seen::modifiedMillis).contains(2_000_000L);
    }

    @Test
    void aHalfWrittenJarWaitsAndOneThatNeverCompletesIsHandedOverOnceToBeRefused() throws Exception {
        ProjectWatch watch = new ProjectWatch(project);
        Path target = Files.createDirectories(project.resolve("target"));
        Files.write(target.resolve("notes.jar"), new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThat(watch.look(0)).isEmpty();
        assertThat(watch.look(25)).as("does not open as a zip").isEmpty();
        assertThat(watch.look(ProjectWatch.GIVE_UP_MILLIS - 1)).isEmpty();
        assertThat(watch.look(ProjectWatch.GIVE_UP_MILLIS)).isPresent();
        assertThat(watch.look(ProjectWatch.GIVE_UP_MILLIS + 25)).isEmpty();
    }

    @Test
    void theNewestJarCountsNotSourcesJavadocTestsOrShadedOriginals() throws Exception {
        Path target = project.resolve("target");
        jar(target.resolve("notes.jar"), "a", 1_000);
        jar(target.resolve("notes-sources.jar"), "a", 9_000);
        jar(target.resolve("notes-javadoc.jar"), "a", 9_000);
        jar(target.resolve("notes-tests.jar"), "a", 9_000);
        jar(target.resolve("original-notes.jar"), "a", 9_000);
        assertThat(ProjectWatch.newestJar(target)).map(ProjectWatch.Seen::jar).contains(target.resolve("notes.jar"));
        jar(target.resolve("notes-2.jar"), "a", 5_000);
        assertThat(ProjectWatch.newestJar(target)).map(ProjectWatch.Seen::jar).contains(target.resolve("notes-2.jar"));
    }

    @Test
    void onlyTheLatestUpdatesAreKept() {
        ProjectWatch watch = new ProjectWatch(project);
        for (int i = 0; i < ProjectWatch.KEPT + 5; i++) {
            watch.record(new DevUpdate(Instant.EPOCH, true, "1.0." + i, "ACTIVE", i));
        }
        assertThat(watch.snapshot().updates()).hasSize(ProjectWatch.KEPT);
        assertThat(watch.snapshot().updates().get(0).version()).isEqualTo("1.0.5");
        assertThat(watch.snapshot().directory()).isEqualTo(project);
    }
}
