package org.milkbottle.example.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReaderTest {

    @TempDir
    Path work;

    @Test
    void infoShowsPagesTitleAuthorAndVersion() throws Exception {
        Path pdf = TestPdfs.write(work.resolve("report.pdf"), "report", 3, null);

        PdfInfo info = PdfReader.info(pdf);

        assertThat(info.pages()).isEqualTo(3);
        assertThat(info.title()).isEqualTo("The report document");
        assertThat(info.author()).isEqualTo("MilkBottle tests");
        assertThat(info.version()).matches("1\\.\\d");
        assertThat(info.bytes()).isEqualTo(Files.size(pdf));
        assertThat(info.encrypted()).isFalse();
        assertThat(PdfFormat.info(info)).contains("pages        3", "title        The report document", "encrypted    no");
    }

    @Test
    void textIsEveryPageInOrderOrTheFirstPagesOnly() throws Exception {
        Path pdf = TestPdfs.write(work.resolve("book.pdf"), "book", 3, null);

        assertThat(PdfReader.text(pdf, new PdfReader.TextOptions(0, false)).lines().map(String::strip)
                .filter(l -> !l.isEmpty())).containsExactly("book page 1", "book page 2", "book page 3");
        assertThat(PdfReader.text(pdf, new PdfReader.TextOptions(1, true))).contains("book page 1")
                .doesNotContain("page 2");
    }

    @Test
    void aFileThatIsNoPdfAnEncryptedOneAndAMissingOneAreClearErrors() throws Exception {
        Path notPdf = Files.writeString(work.resolve("notes.pdf"), "just text");
        Path locked = TestPdfs.write(work.resolve("locked.pdf"), "locked", 1, "secret");

        assertThatThrownBy(() -> PdfReader.info(notPdf)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("notes.pdf is not a readable PDF (");
        assertThatThrownBy(() -> PdfReader.text(locked, new PdfReader.TextOptions(0, false)))
                .hasMessage("locked.pdf is encrypted and needs a password, which pdf:text does not take");
        assertThatThrownBy(() -> PdfReader.info(work.resolve("none.pdf"))).hasMessageEndingWith("none.pdf is not a file");
    }
}
