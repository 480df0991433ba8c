package org.milkbottle.marketplace.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFilesTest {

    private static final String SHA = "ab" + "0".repeat(62);
    private static final String OTHER_SHA = "cd" + "1".repeat(62);

    @TempDir
    Path folder;

    @Test
    void anUploadIsMovedIntoTheStoreAndAnyOtherFileIsCopied() throws Exception {
        ArtifactFiles files = new ArtifactFiles(folder.resolve("artifacts"));
        Path upload = files.newUpload();
        Files.writeString(upload, "uploaded");
        Path own = Files.writeString(folder.resolve("mine.jar"), "a file of the caller's");

        Path stored = files.store(upload, SHA);
        Path copied = files.store(own, OTHER_SHA);

        assertThat(stored).hasContent("uploaded").isEqualTo(files.find(SHA).orElseThrow());
        assertThat(upload).doesNotExist();
        assertThat(copied).hasContent("a file of the caller's");
        assertThat(own).as("the caller's file stays the caller's").exists();
        assertThat(Files.readString(own)).isEqualTo("a file of the caller's");
        assertThat(folder.resolve("artifacts/cd")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void aJarStoredAlreadyIsKeptAsItIsAndOneThatDoesNotHoldItsSha256IsReplaced() throws Exception {
        ArtifactFiles files = new ArtifactFiles(folder.resolve("artifacts"));
        String sha = sha256("first");
        Path first = files.store(Files.writeString(folder.resolve("a.jar"), "first"), sha);
        Path upload = files.newUpload();
        Files.writeString(upload, "first");

        assertThat(files.store(upload, sha)).isEqualTo(first).hasContent("first");
        assertThat(upload).as("left to the caller to delete").exists();

        Files.writeString(first, "fir"); // cut short (a restore, a disk full)
        assertThat(files.store(upload, sha)).hasContent("first");
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void uploadsAreOutOfBackupsAndThoseADayOldAreRemovedAtOpen() throws Exception {
        ArtifactFiles files = new ArtifactFiles(folder.resolve("artifacts"));
        Path abandoned = files.newUpload();
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path underWay = files.newUpload();

        new ArtifactFiles(folder.resolve("artifacts"));

        assertThat(abandoned).doesNotExist();
        assertThat(underWay).as("another node's upload may be under way").exists();
        assertThat(underWay.getFileName().toString()).endsWith(".part"); // backups leave .part files out
        assertThat(underWay.getParent()).isEqualTo(folder.resolve("artifacts").resolve(ArtifactFiles.UPLOADS));
    }
}
