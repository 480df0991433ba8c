package org.milkbottle.api;

import java.time.Instant;
import java.util.List;

/**
 * A recorded change to the set of installed plugins.
 *
 * @param id increasing number
 * @param time when it ended
 * @param action {@code install}, {@code update}, {@code uninstall}, {@code rollback}, {@code recover}
 * @param subject what it was about, e.g. the sources or plugin names
 * @param origin who asked ({@code shell}, {@code deploy}, ...)
 * @param status how it ended
 * @param message the error for a failed transaction, else a summary
 * @param before the managed bundles before
 * @param after the managed bundles after (equal to {@code before} unless committed)
 */
public record Transaction(long id, Instant time, String action, String subject, String origin, Status status,
        String message, List<BundleSnapshot> before, List<BundleSnapshot> after) {

    public Transaction {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** How a transaction ended. */
    public enum Status {
        /** Applied and recorded. */
        COMMITTED,
        /** Failed; everything it touched was restored. */
        FAILED,
        /** The runtime stopped in the middle of it; restored at the next start. */
        INTERRUPTED
    }
}
