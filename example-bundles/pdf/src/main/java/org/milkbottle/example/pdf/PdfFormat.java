package org.milkbottle.example.pdf;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** What the PDF commands print. */
final class PdfFormat {

    /** Failures listed in a summary; the rest are counted. */
    private static final int LISTED = 10;

    private PdfFormat() {
    }

    static String info(PdfInfo info) {
        StringBuilder text = new StringBuilder();
        line(text, "file", info.file().toString());
        line(text, "pages", String.valueOf(info.pages()));
        line(text, "PDF version", info.version());
        line(text, "size", info.bytes() + " bytes");
        line(text, "title", info.title());
        line(text, "author", info.author());
        line(text, "producer", info.producer());
        line(text, "created", info.created());
        line(text, "encrypted", info.encrypted() ? "yes" : "no");
        return text.toString().stripTrailing();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(String.format("%-12s %s%n", key, value.isEmpty() ? "-" : value));
    }

    static String summary(List<TextJob.Outcome> outcomes, int total, int jobs, boolean cancelled, long millis) {
        long written = outcomes.stream().filter(TextJob.Outcome::succeeded).count();
        List<TextJob.Outcome> failures = outcomes.stream()
                .filter(o -> !o.succeeded() && !"cancelled".equals(o.error()))
                .sorted(Comparator.comparing(o -> o.job().pdf())).toList();
        StringBuilder text = new StringBuilder(cancelled ? "Cancelled: wrote the text of " : "Wrote the text of ");
        text.append(written).append(" of ").append(total).append(" PDFs in ")
                .append(String.format(Locale.ROOT, "%.1f s", millis / 1000.0)).append(" (").append(jobs).append(" at once)");
        if (cancelled) {
            text.append("; the others were not written (a text file is written whole or not at all)");
        }
        if (!failures.isEmpty()) {
            text.append("; ").append(failures.size()).append(" failed:");
            failures.stream().limit(LISTED).forEach(f -> text.append("\n  ").append(f.job().pdf()).append(": ")
                    .append(f.error()));
            if (failures.size() > LISTED) {
                text.append("\n  … and ").append(failures.size() - LISTED).append(" more");
            }
        }
        return text.toString();
    }
}
