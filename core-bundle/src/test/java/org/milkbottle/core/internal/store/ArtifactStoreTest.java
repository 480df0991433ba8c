package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesByContentHash() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        ArtifactStore.Stored stored = store.put(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(stored.size()).isEqualTo(3);
        assertThat(store.find(stored.sha256())).contains(stored.path());
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void refusesWhatIsTooLargeAndLeavesNoPartialFile() throws IOException {
        ArtifactStore store = new ArtifactStore(dir);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[1000]), 999))
                .hasMessageContaining("larger than the limit of 999 bytes");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
