package org.milkbottle.repository.api;

/**
 * A request about repositories that cannot be carried out; the message says what was wrong and what to
 * do, in words for the user.
 */
public class RepositoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
