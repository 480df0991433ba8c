package org.milkbottle.example.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDF files with PDFBox: their metadata, their text. Plain Java, tested without a framework. */
public final class PdfReader {

    /** How text is extracted: at most {@code maxPages} pages (0: all), ordered by position or as stored. */
    public record TextOptions(int maxPages, boolean sortByPosition) {
    }

    private PdfReader() {
    }

    public static PdfInfo info(Path file) throws IOException {
        try (PDDocument document = open(file)) {
            PDDocumentInformation information = document.getDocumentInformation();
            return new PdfInfo(file, Files.size(file), String.valueOf(document.getVersion()), document.getNumberOfPages(),
                    document.isEncrypted(), text(information.getTitle()), text(information.getAuthor()),
                    text(information.getProducer()), date(information.getCreationDate()));
        }
    }

    public static String text(Path file, TextOptions options) throws IOException {
        try (PDDocument document = open(file)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(options.sortByPosition());
            if (options.maxPages() > 0) {
                stripper.setEndPage(options.maxPages());
            }
            return stripper.getText(document);
        }
    }

    /** Opens a document, saying in plain words what is wrong with a file that is not a readable PDF. */
    private static PDDocument open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        try {
            return PDDocument.load(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new IOException(file.getFileName() + " is encrypted and needs a password, which pdf:text does not "
                    + "take", e);
        } catch (IOException e) {
            throw new IOException(file.getFileName() + " is not a readable PDF (" + e.getMessage() + ")", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String date(Calendar calendar) {
        return calendar == null ? "" : calendar.toInstant().toString();
    }
}
