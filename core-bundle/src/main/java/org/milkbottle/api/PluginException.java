package org.milkbottle.api;

/**
 * A plugin operation failed. The message is meant for the user: it says what failed, why, and what to
 * do next. Whatever the operation had changed has been undone when this is thrown.
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
