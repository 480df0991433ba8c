package org.milkbottle.example.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextJobTest {

    private static final PdfReader.TextOptions ALL = new PdfReader.TextOptions(0, false);

    @TempDir
    Path work;

    @Test
    void aFolderIsPlannedWithItsSubfoldersBesideEachPdfOrUnderOut() throws Exception {
        Path in = work.resolve("in");
        TestPdfs.write(in.resolve("b.pdf"), "b", 1, null);
        TestPdfs.write(in.resolve("sub/a.PDF"), "a", 1, null);
        Files.writeString(in.resolve("readme.txt"), "not a pdf");

        assertThat(TextJob.plan(in, null)).containsExactly(new TextJob(in.resolve("b.pdf"), in.resolve("b.txt")),
                new TextJob(in.resolve("sub/a.PDF"), in.resolve("sub/a.txt")));
        Path out = work.resolve("out");
        assertThat(TextJob.plan(in, out)).extracting(TextJob::target)
                .containsExactly(out.resolve("b.txt"), out.resolve("sub/a.txt"));
        assertThat(TextJob.plan(in.resolve("b.pdf"), out)).extracting(TextJob::target)
                .containsExactly(out.resolve("b.txt"));
        assertThatThrownBy(() -> TextJob.plan(work.resolve("none"), out)).hasMessageContaining("is neither a PDF");
    }

    @Test
    void aJobWritesTheWholeTextAndAFailureOrACancelWritesNothing() throws Exception {
        Path pdf = TestPdfs.write(work.resolve("doc.pdf"), "doc", 2, null);
        TextJob job = new TextJob(pdf, work.resolve("out/doc.txt"));

        TextJob.Outcome done = job.run(ALL, () -> false);
        assertThat(done.succeeded()).isTrue();
        assertThat(Files.readString(job.target())).contains("doc page 1", "doc page 2");
        assertThat(done.characters()).isEqualTo(Files.readString(job.target()).length());

        TextJob cancelled = new TextJob(pdf, work.resolve("cancelled/doc.txt"));
        assertThat(cancelled.run(ALL, () -> true).error()).isEqualTo("cancelled");
        assertThat(cancelled.target()).doesNotExist();

        Path broken = Files.writeString(work.resolve("broken.pdf"), "%PDF-1.4 and then nothing");
        TextJob failing = new TextJob(broken, work.resolve("out/broken.txt"));
        assertThat(failing.run(ALL, () -> false).error()).startsWith("broken.pdf is not a readable PDF");
        assertThat(failing.target()).doesNotExist();
        try (Stream<Path> left = Files.list(work.resolve("out"))) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).containsExactly("doc.txt");
        }
    }

    @Test
    void theSummaryCountsWhatWasWrittenAndListsWhatFailed() {
        TextJob a = new TextJob(Path.of("/in/a.pdf"), Path.of("/in/a.txt"));
        TextJob b = new TextJob(Path.of("/in/b.pdf"), Path.of("/in/b.txt"));
        List<TextJob.Outcome> outcomes = List.of(new TextJob.Outcome(a, 10, null),
                new TextJob.Outcome(b, 0, "b.pdf is not a readable PDF (x)"));

        assertThat(PdfFormat.summary(outcomes, 2, 2, false, 1500)).isEqualTo(
                "Wrote the text of 1 of 2 PDFs in 1.5 s (2 at once); 1 failed:\n  /in/b.pdf: b.pdf is not a readable PDF (x)");
        assertThat(PdfFormat.summary(List.of(new TextJob.Outcome(a, 10, null)), 5, 1, true, 200)).isEqualTo(
                "Cancelled: wrote the text of 1 of 5 PDFs in 0.2 s (1 at once); the others were not written (a text "
                        + "file is written whole or not at all)");
        assertThat(ProgressBar.line(3, 1, 12, 12)).isEqualTo("[###---------] 3/12 PDFs, 1 failed");
        assertThat(ProgressBar.line(0, 0, 0, 4)).isEqualTo("[####] 0/0 PDFs");
    }
}
