package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.felix.service.command.CommandSession;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.Pdfs;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * The PDF tool plugin as a user gets it: {@code mb:install pdf} from the marketplace this runtime embeds, offline,
 * with Apache PDFBox as bundles of their own; then pdf:info and pdf:text on PDFs made with PDFBox here — many at
 * once, a broken one among them, and a batch cancelled halfway (as Ctrl-C does) that leaves only whole text files.
 */
@RunWith(PaxExam.class)
public class PdfIT extends MilkBottleTestSupport {

    private static final int PORT = freePort();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(PORT));
    }

    @Before
    public void installPdfByName() throws Exception {
        if (bundle("org.milkbottle.example.pdf").isPresent()) {
            return;
        }
        await("the embedded marketplace offers the PDF plugin", () -> {
            try {
                return shell("mb:search pdf").contains("org.milkbottle.example.pdf");
            } catch (Exception e) {
                return false;
            }
        });
        String installed = shell("mb:install pdf");
        assertTrue(installed, installed.contains("org.milkbottle.example.pdf") && installed.contains("ACTIVE"));
    }

    @Test
    public void itInstallsByNameWithPdfBoxAsBundlesAndDescribesItself() throws Exception {
        // Commons Logging too, although Pax Exam's logging exports its API here: a plugin and its libraries are
        // wired only to the runtime's shared packages, so the planner takes the marketplace's copy
        for (String library : List.of("org.apache.pdfbox", "org.apache.pdfbox.fontbox", "org.apache.commons.logging")) {
            Bundle bundle = bundle(library).orElseThrow(() -> new AssertionError(library + " was not installed"));
            assertTrue(library, bundle.getState() >= Bundle.RESOLVED);
        }
        assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.example.pdf").orElseThrow().getState());
        String health = shell("mb:health org.milkbottle.example.pdf");
        assertTrue(health, health.contains("OK") && health.contains("PDFBox 2."));
        String config = shell("mb:config org.milkbottle.example.pdf");
        assertTrue(config, config.contains("jobs") && config.contains("maxPages") && config.contains("sortByPosition"));
        assertTrue(expectShellError("mb:config org.milkbottle.example.pdf jobs 0").contains("jobs"));
        String info = shell("mb:info org.milkbottle.example.pdf");
        assertTrue(info, info.contains("file-write") && info.contains("pdf:text"));
    }

    @Test
    public void infoAndTextOfManyPdfsInParallelWithABrokenOneReported() throws Exception {
        Path in = work("pdf-in");
        for (int i = 1; i <= 20; i++) {
            Pdfs.write(in.resolve(String.format("doc%02d.pdf", i)), "doc" + i, 3);
        }
        Pdfs.write(in.resolve("sub/deep.pdf"), "deep", 2);
        Files.writeString(in.resolve("broken.pdf"), "%PDF-1.4 nothing more");

        String info = shell("pdf:info " + in.resolve("doc01.pdf"));
        assertTrue(info, info.contains("pages        3") && info.contains("title        The doc1 document"));
        String single = shell("pdf:text " + in.resolve("doc07.pdf"));
        assertTrue(single, single.contains("doc7 page 3"));

        Path out = work("pdf-out");
        String summary = expectShellError("pdf:text --jobs 2 --out " + out + " " + in);
        assertTrue(summary, summary.startsWith("Wrote the text of 21 of 22 PDFs in ") && summary.contains("(2 at once)")
                && summary.contains("1 failed:") && summary.contains("broken.pdf is not a readable PDF"));
        for (int i = 1; i <= 20; i++) {
            String text = Files.readString(out.resolve(String.format("doc%02d.txt", i)));
            assertTrue(text, text.contains("doc" + i + " page 1") && text.contains("doc" + i + " page 3"));
        }
        assertTrue(Files.readString(out.resolve("sub/deep.txt")).contains("deep page 2"));
        assertFalse(Files.exists(out.resolve("broken.txt")));

        assertTrue(expectShellError("pdf:text " + in.resolve("missing")).contains("is neither a PDF file nor a folder"));
        assertTrue(expectShellError("pdf:info " + in.resolve("broken.pdf")).startsWith("broken.pdf is not a readable PDF"));
        assertTrue(expectShellError("pdf:text --jobs 0 " + in).contains("--jobs must be between 1 and 64"));
    }

    @Test
    public void aCancelledBatchStopsAndLeavesOnlyWholeTextFiles() throws Exception {
        Path in = work("pdf-many");
        for (int i = 1; i <= 60; i++) {
            Pdfs.write(in.resolve(String.format("big%02d.pdf", i)), "big" + i, 40);
        }
        Path out = work("pdf-many-out");
        AtomicReference<String> result = new AtomicReference<>();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        CommandSession session = processor.createSession(InputStream.nullInputStream(), console, console);
        Thread command = new Thread(() -> {
            try {
                result.set("finished: " + session.execute("pdf:text --jobs 1 --out " + out + " " + in));
            } catch (Exception e) {
                result.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
        command.start();
        await("the first text file is written", () -> count(out, ".txt") > 0);
        // what the shell does on Ctrl-C: interrupt the foreground job's threads
        await("the command runs as the session's foreground job", () -> session.foregroundJob() != null);
        session.foregroundJob().interrupt();
        command.join(60_000);
        assertFalse("the shell stopped waiting", command.isAlive());
        assertFalse("it did not run to its end: " + result.get(), result.get().startsWith("finished: "));
        // the shell returns at once; the command cancels its batch and says what it wrote on the console
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!printed.toString(StandardCharsets.UTF_8).contains("Cancelled: ") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue("pdf:text reports its cancellation; it printed: " + printed.toString(StandardCharsets.UTF_8)
                .replace('\r', '\n') + "\nresult: " + result.get() + "; text files: " + count(out, ".txt"),
                printed.toString(StandardCharsets.UTF_8).contains("Cancelled: "));
        session.close();
        String shown = printed.toString(StandardCharsets.UTF_8);
        assertTrue("a progress bar was drawn: " + shown, shown.contains("/60 PDFs"));

        String summary = shown.substring(shown.indexOf("Cancelled: ")).lines().findFirst().orElseThrow();
        assertTrue(summary, summary.startsWith("Cancelled: wrote the text of "));
        long written = count(out, ".txt");
        assertTrue(summary, written < 60 && summary.contains("wrote the text of " + written + " of 60 PDFs"));
        Thread.sleep(1_000);
        assertEquals("nothing runs on after the cancel", written, count(out, ".txt"));
        assertEquals("no half-written file", 0, count(out, ".part"));
        try (Stream<Path> texts = Files.list(out)) {
            for (Path text : texts.toList()) {
                assertTrue(text + " is whole", Files.readString(text).contains("page 40"));
            }
        }
    }

    private static long count(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
