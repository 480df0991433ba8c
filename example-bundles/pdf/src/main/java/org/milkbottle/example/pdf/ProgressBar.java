package org.milkbottle.example.pdf;

/** A one-line progress bar: {@code [#########-----------]  9/20 PDFs, 1 failed}. */
public final class ProgressBar {

    private ProgressBar() {
    }

    public static String line(int finished, int failed, int total, int width) {
        int filled = total == 0 ? width : (int) ((long) finished * width / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + finished + "/" + total + " PDFs"
                + (failed > 0 ? ", " + failed + " failed" : "");
    }
}
