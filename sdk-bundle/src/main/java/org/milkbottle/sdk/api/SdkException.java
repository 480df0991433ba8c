package org.milkbottle.sdk.api;

/**
 * A request the SDK refuses, or cannot carry out; the message says what was wrong and what to do, in one line.
 * Nothing was left half-written when it is thrown.
 */
public class SdkException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdkException(String message) {
        super(message);
    }

    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
