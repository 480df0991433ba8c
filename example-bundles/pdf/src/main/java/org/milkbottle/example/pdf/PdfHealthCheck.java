package org.milkbottle.example.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.util.Version;
import org.osgi.service.component.annotations.Component;

/** Checks that PDFBox works here: a one-page document written and read back, in memory. */
@Component(property = {HealthCheck.NAME + "=pdf", HealthCheck.TAGS + "=pdf"})
public class PdfHealthCheck implements HealthCheck {

    @Override
    public Result execute() {
        try (PDDocument written = new PDDocument()) {
            written.addPage(new PDPage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            written.save(bytes);
            try (PDDocument read = PDDocument.load(bytes.toByteArray())) {
                if (read.getNumberOfPages() != 1) {
                    return new Result(Result.Status.CRITICAL, "PDFBox read back " + read.getNumberOfPages()
                            + " pages of a one-page document");
                }
            }
            return new Result(Result.Status.OK, "PDFBox " + Version.getVersion() + " writes and reads PDF documents");
        } catch (IOException | RuntimeException | LinkageError e) {
            return new Result(Result.Status.CRITICAL, "PDFBox does not work here: " + e);
        }
    }
}
