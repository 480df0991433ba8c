package org.milkbottle.core.internal.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Enumeration;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchiveTest {

    @TempDir
    Path work;
    private Path archive;

    @BeforeEach
    void writeOne() throws IOException {
        Path image = Files.createDirectories(work.resolve("image"));
        Files.writeString(image.resolve("state.json"), "[{\"name\":\"hello\"}]");
        Files.createDirectories(image.resolve("artifacts"));
        Files.write(image.resolve("artifacts/abc.jar"), new byte[] {1, 2, 3, 4});
        archive = work.resolve("backup.zip");
        BackupArchive.write(image, archive, "2.0.0", Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aWrittenArchiveVerifiesAndExtractsToTheSameFiles() throws IOException {
        BackupArchive.Manifest manifest = BackupArchive.verify(archive);
        assertThat(manifest.runtimeVersion()).isEqualTo("2.0.0");
        assertThat(manifest.created()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(manifest.sha256()).containsOnlyKeys("data/state.json", "data/artifacts/abc.jar");
        Path restored = work.resolve("restored/milkbottle");
        BackupArchive.extract(archive, restored);
        assertThat(Files.readString(restored.resolve("state.json"))).isEqualTo("[{\"name\":\"hello\"}]");
        assertThat(Files.readAllBytes(restored.resolve("artifacts/abc.jar"))).containsExactly(1, 2, 3, 4);
        assertThat(work.resolve("backup.zip.part")).doesNotExist();
    }

    @Test
    void aTruncatedArchiveIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        Path cut = work.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> BackupArchive.verify(cut)).isInstanceOf(BackupArchive.BadArchive.class)
                .hasMessageContaining("not a complete zip archive");
        assertThatThrownBy(() -> BackupArchive.extract(cut, work.resolve("never"))).isInstanceOf(IOException.class);
        assertThat(work.resolve("never")).doesNotExist();
    }

    /** A copy of the archive with each entry's bytes passed through {@code change}. */
    private Path rewritten(String name, BiFunction<String, byte[], byte[]> change) throws IOException {
        Path copy = work.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                byte[] changed = change.apply(entry.getName(), bytes);
                if (changed != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(changed);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    @Test
    void aChangedFileIsRefusedNamingIt() throws IOException {
        Path tampered = rewritten("tampered.zip", (name, bytes) -> name.equals("data/state.json")
                ? "[{\"name\":\"evil\"}]".getBytes(StandardCharsets.UTF_8) : bytes);
        assertThatThrownBy(() -> BackupArchive.verify(tampered)).hasMessageContaining("data/state.json differs");
    }

    @Test
    void aMissingOrAddedFileIsRefused() throws IOException {
        Path missing = rewritten("missing.zip", (name, bytes) -> name.equals("data/artifacts/abc.jar") ? null : bytes);
        assertThatThrownBy(() -> BackupArchive.verify(missing)).hasMessageContaining("missing: [data/artifacts/abc.jar]");
        Path added = work.resolve("added.zip");
        Files.copy(rewritten("base.zip", (name, bytes) -> bytes), added);
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(added)) {
            Files.writeString(zip.getPath("data/extra.json"), "{}");
        }
        assertThatThrownBy(() -> BackupArchive.verify(added)).hasMessageContaining("does not list (data/extra.json)");
    }

    @Test
    void anotherFormatOrNoManifestIsRefused() throws IOException {
        Path newer = rewritten("newer.zip", (name, bytes) -> name.equals(BackupArchive.MANIFEST)
                ? new String(bytes, StandardCharsets.ISO_8859_1).replace("format=1", "format=2")
                        .getBytes(StandardCharsets.ISO_8859_1) : bytes);
        assertThatThrownBy(() -> BackupArchive.verify(newer)).hasMessageContaining("backup of format 2")
                .hasMessageContaining("reads format 1");
        Path none = rewritten("none.zip", (name, bytes) -> name.equals(BackupArchive.MANIFEST) ? null : bytes);
        assertThatThrownBy(() -> BackupArchive.verify(none)).hasMessageContaining("not a MilkBottle backup");
        assertThatThrownBy(() -> BackupArchive.verify(work.resolve("nothing.zip"))).hasMessageContaining("no such file");
    }

    @Test
    void aNameThatLeavesTheDataFolderIsRefused() throws IOException {
        Path escape = work.resolve("escape.zip");
        try (OutputStream file = Files.newOutputStream(escape); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("data/../../etc/passwd"));
            out.write(1);
            out.closeEntry();
            out.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
            out.write(("format=1\nfiles=1\nsha256.data/../../etc/passwd=00\nsize.data/../../etc/passwd=1\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.closeEntry();
        }
        assertThatThrownBy(() -> BackupArchive.extract(escape, work.resolve("out")))
                .hasMessageContaining("outside the data folder");
        assertThat(work.resolve("out")).doesNotExist();
    }
}
