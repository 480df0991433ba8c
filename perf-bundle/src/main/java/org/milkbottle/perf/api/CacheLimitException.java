package org.milkbottle.perf.api;

/**
 * A bundle asked for more caches, or more cache entries, than the operator allows one bundle
 * ({@code org.milkbottle.perf.cache} configuration). The message says which limit and how to raise it.
 */
public class CacheLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CacheLimitException(String message) {
        super(message);
    }
}
