package org.milkbottle.example.pdf;

/** A request the PDF tools cannot carry out; the message says what was wrong. */
public class PdfException extends Exception {

    private static final long serialVersionUID = 1L;

    public PdfException(String message) {
        super(message);
    }
}
