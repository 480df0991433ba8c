package org.milkbottle.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The artifact store refuses a place it cannot create, naming it; lookups by SHA-256 accept only hex digests. */
class ArtifactStorePlacesTest {

    @TempDir
    Path dir;

    @Test
    void aStoreUnderAFileCannotBeCreated() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "a file, not a folder");
        Path store = file.resolve("artifacts");
        assertThatThrownBy(() -> new ArtifactStore(store)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot create artifact store " + store);
    }

    @Test
    void onlyAHexSha256FindsAnArtifact() throws Exception {
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"));
        String sha = store.put(new java.io.ByteArrayInputStream("jar".getBytes()), 100).sha256();

        assertThat(store.find(sha)).isPresent();
        assertThat(store.find(sha.toUpperCase())).isEmpty();
        assertThat(store.find("../" + sha)).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }
}
