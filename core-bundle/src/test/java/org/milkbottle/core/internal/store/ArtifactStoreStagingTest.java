package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A request's fetches stay in its staging; only what it installs joins the store, the rest goes with it. */
class ArtifactStoreStagingTest {

    @TempDir
    Path dir;

    private static ByteArrayInputStream jar(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private long storedJars() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("artifacts"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).count();
        }
    }

    @Test
    void whatARequestDoesNotKeepIsGoneWhenItEnds() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        ArtifactStore.Stored kept;
        ArtifactStore.Stored dropped;
        try (ArtifactStore.Staging staging = store.staging()) {
            kept = staging.put(jar("installed"), 1000);
            dropped = staging.put(jar("refused"), 1000);
            assertThat(kept.path()).exists();
            assertThat(storedJars()).isZero();

            staging.keep(kept.path(), kept.sha256());

            assertThat(store.find(kept.sha256())).isPresent();
            assertThat(store.find(dropped.sha256())).isEmpty();
        }
        assertThat(kept.path()).doesNotExist(); // the staged copy; the store has its own
        assertThat(dropped.path()).doesNotExist();
        assertThat(storedJars()).isEqualTo(1);
        assertThat(store.find(kept.sha256())).isPresent();
    }

    @Test
    void aJarTheStoreHasIsTakenFromItAndSurvivesTheStaging() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        ArtifactStore.Stored earlier = store.put(jar("installed before"), 1000);
        ArtifactStore.Stored again;
        try (ArtifactStore.Staging staging = store.staging()) {
            again = staging.put(jar("installed before"), 1000);
            staging.keep(again.path(), again.sha256());
        }
        assertThat(again.path()).isEqualTo(earlier.path()).exists();
        assertThat(storedJars()).isEqualTo(1);
    }

    @Test
    void twoRequestsFetchingTheSameJarDoNotTakeItFromEachOther() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        try (ArtifactStore.Staging installs = store.staging()) {
            ArtifactStore.Stored forInstall = installs.put(jar("same"), 1000);
            try (ArtifactStore.Staging simulates = store.staging()) {
                simulates.put(jar("same"), 1000);
            } // the simulation ends first: its copy goes, not the install's
            assertThat(forInstall.path()).exists();
            installs.keep(forInstall.path(), forInstall.sha256());
        }
        assertThat(storedJars()).isEqualTo(1);
    }

    @Test
    void theStagingsOfRequestsKilledWithTheRuntimeAreRemovedAtTheNextStart() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        ArtifactStore.Staging killed = store.staging(); // never closed: the runtime was killed
        ArtifactStore.Stored orphan = killed.put(jar("fetched, never installed"), 1000);

        new ArtifactStore(dir.resolve("artifacts")).removeLeftovers();

        assertThat(orphan.path()).doesNotExist();
        assertThat(dir.resolve(ArtifactStore.STAGING)).doesNotExist();
        assertThat(storedJars()).isZero();
    }
}
