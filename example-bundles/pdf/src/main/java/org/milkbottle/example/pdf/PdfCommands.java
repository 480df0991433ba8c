package org.milkbottle.example.pdf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.perf.api.Batch;
import org.milkbottle.perf.api.TaskExecutor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code pdf:info} and {@code pdf:text}. The extraction of many PDFs runs as one batch on the runtime's task executor
 * (this plugin's share of it), with a progress bar; Ctrl-C cancels the batch and keeps the text files already
 * written whole.
 */
@Component(service = PdfCommands.class, configurationPid = "org.milkbottle.example.pdf")
@Designate(ocd = PdfConfig.class)
@GogoCommand(scope = "pdf", function = {"info", "text"})
public class PdfCommands {

    /** How often the progress bar is drawn again. */
    private static final long REDRAW_MILLIS = 150;

    private final TaskExecutor executor;
    private volatile PdfConfig config;

    @Activate
    public PdfCommands(@Reference TaskExecutor executor, PdfConfig config) {
        this.executor = executor;
        this.config = config;
    }

    @Modified
    void configure(PdfConfig changed) {
        this.config = changed;
    }

    @Descriptor("show a PDF's metadata: pages, PDF version, title, author, producer, creation date, size")
    public String info(@Descriptor("the PDF file") String file) throws PdfException {
        try {
            return PdfFormat.info(PdfReader.info(Path.of(file).toAbsolutePath()));
        } catch (IOException e) {
            throw new PdfException(e.getMessage());
        }
    }

    @Descriptor("extract the text of a PDF (printed, or NAME.txt under --out), or of every PDF in a folder and its "
            + "subfolders (NAME.txt beside each, or under --out), several at once, with a progress bar; Ctrl-C "
            + "cancels and keeps the text files already written whole")
    public String text(CommandSession session,
            @Descriptor("the folder for the text files") @Parameter(names = {"-o", "--out"}, absentValue = "")
            String out,
            @Descriptor("how many PDFs to read at once (default: the configuration's, 2)") @Parameter(names = {"-j",
                    "--jobs"}, absentValue = "-1") int jobs,
            @Descriptor("a PDF file, or a folder of them") String source) throws PdfException {
        PdfConfig current = config;
        int parallel = jobs == -1 ? current.jobs() : jobs;
        if (parallel < 1 || parallel > 64) {
            throw new PdfException("--jobs must be between 1 and 64; it was " + jobs + ".");
        }
        Path from = Path.of(source).toAbsolutePath().normalize();
        PdfReader.TextOptions options = new PdfReader.TextOptions(current.maxPages(), current.sortByPosition());
        List<TextJob> plan;
        try {
            if (out.isBlank() && Files.isRegularFile(from)) {
                return PdfReader.text(from, options);
            }
            plan = TextJob.plan(from, out.isBlank() ? null : Path.of(out).toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new PdfException(e.getMessage());
        }
        if (plan.isEmpty()) {
            return "There is no PDF in " + from + ".";
        }
        return run(plan, options, parallel, session.getConsole());
    }

    private String run(List<TextJob> plan, PdfReader.TextOptions options, int parallel, PrintStream console)
            throws PdfException {
        long started = System.nanoTime();
        Semaphore slots = new Semaphore(parallel);
        TextProgress progress = new TextProgress();
        Batch<TextJob.Outcome> batch = executor.batch("pdf:text, " + plan.size() + " PDFs", plan, (job, context) -> {
            slots.acquire();
            try {
                return progress.record(job.run(options, context::isCancelled));
            } finally {
                slots.release();
            }
        });
        boolean cancelled = false;
        // redrawn in place on a terminal only: into a pipe or a file each redraw would be one more copy of the bar
        boolean terminal = System.console() != null;
        while (!batch.result().isDone()) {
            if (terminal) {
                console.print("\r" + ProgressBar.line(progress.finished(), progress.failed(), plan.size(), 30));
                console.flush();
            }
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                // Ctrl-C: the shell interrupts the command; stop the batch, then report what was written
                cancelled = true;
                batch.cancel();
                awaitQuietly(batch);
                break;
            }
        }
        console.println((terminal ? "\r" : "") + ProgressBar.line(progress.finished(), progress.failed(), plan.size(),
                30));
        String summary = PdfFormat.summary(progress.outcomes(), plan.size(), parallel, cancelled,
                (System.nanoTime() - started) / 1_000_000);
        if (cancelled) {
            // the shell stops waiting for an interrupted command at once: say here what was written
            console.println(summary);
            console.flush();
            throw new PdfException(summary);
        }
        if (progress.failed() > 0) {
            throw new PdfException(summary);
        }
        return summary;
    }

    /** Waits for a cancelled batch's running items to end, however often Ctrl-C is pressed again. */
    private static void awaitQuietly(Batch<?> batch) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!batch.result().isDone() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
