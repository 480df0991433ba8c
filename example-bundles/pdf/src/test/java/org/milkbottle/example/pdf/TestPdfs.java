package org.milkbottle.example.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** PDFs made with PDFBox for the tests: pages of known text, a title and author; encrypted on request. */
final class TestPdfs {

    private TestPdfs() {
    }

    /** A document whose page N reads "NAME page N". */
    static Path write(Path file, String name, int pages, String userPassword) throws IOException {
        try (PDDocument document = new PDDocument()) {
            for (int page = 1; page <= pages; page++) {
                PDPage pdfPage = new PDPage();
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    content.beginText();
                    content.setFont(PDType1Font.HELVETICA, 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(name + " page " + page);
                    content.endText();
                }
            }
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle("The " + name + " document");
            information.setAuthor("MilkBottle tests");
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                document.protect(policy);
            }
            Files.createDirectories(file.getParent());
            document.save(file.toFile());
        }
        return file;
    }
}
