package org.milkbottle.example.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One PDF to extract and where its text goes. A text file is written whole or not at all: into a temporary file
 * beside it, moved into place only when the extraction finished and was not cancelled.
 *
 * @param pdf    the document
 * @param target its text file
 */
public record TextJob(Path pdf, Path target) {

    /** What came of a job: the characters written, or why not. */
    public record Outcome(TextJob job, long characters, String error) {

        public boolean succeeded() {
            return error == null;
        }
    }

    /**
     * The jobs for a file or a folder: a folder's PDFs (its subfolders too, in name order) go to the same relative
     * paths under {@code out} (default: beside each PDF) with {@code .txt} for {@code .pdf}.
     */
    public static List<TextJob> plan(Path source, Path out) throws IOException {
        if (Files.isRegularFile(source)) {
            Path folder = out != null ? out : source.toAbsolutePath().getParent();
            return List.of(new TextJob(source, folder.resolve(textName(source))));
        }
        if (!Files.isDirectory(source)) {
            throw new IOException(source + " is neither a PDF file nor a folder");
        }
        List<TextJob> jobs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path pdf : walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList()) {
                Path relative = source.relativize(pdf);
                Path folder = (out != null ? out : source).resolve(relative).getParent();
                jobs.add(new TextJob(pdf, folder.resolve(textName(pdf))));
            }
        }
        return jobs;
    }

    private static String textName(Path pdf) {
        String name = pdf.getFileName().toString();
        return (name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4) : name)
                + ".txt";
    }

    /** Extracts and writes; never throws: a failure is the outcome's error. */
    public Outcome run(PdfReader.TextOptions options, BooleanSupplier cancelled) {
        Path temporary = null;
        try {
            String text = PdfReader.text(pdf, options);
            if (cancelled.getAsBoolean()) {
                return new Outcome(this, 0, "cancelled");
            }
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            if (cancelled.getAsBoolean()) {
                return new Outcome(this, 0, "cancelled");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            return new Outcome(this, text.length(), null);
        } catch (IOException | RuntimeException e) {
            if (cancelled.getAsBoolean()) {
                return new Outcome(this, 0, "cancelled"); // the cancel interrupted the read or the write
            }
            return new Outcome(this, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a leftover .part file names itself; the next run replaces the text file anyway
                }
            }
        }
    }
}
