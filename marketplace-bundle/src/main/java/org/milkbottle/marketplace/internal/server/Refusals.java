package org.milkbottle.marketplace.internal.server;

import java.sql.SQLException;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.osgi.framework.Version;

/** The refusals every part of the marketplace words the same way, and the input checks they share. */
final class Refusals {

    private static final System.Logger LOG = System.getLogger(Refusals.class.getName());

    /** A user or token owner: letters, digits and {@code . _ @ -}. */
    static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");

    private Refusals() {
    }

    static MarketplaceException bad(String message) {
        return new MarketplaceException(Reason.BAD_REQUEST, message);
    }

    /**
     * A storage failure, for a client: what it means for them, never the database's own text (it names
     * tables and statements). The operator gets that text in the log, one line.
     */
    static MarketplaceException unavailable(Exception e) {
        String what = e instanceof SQLException sql ? "database error, SQLState " + sql.getSQLState()
                : e.getClass().getSimpleName();
        LOG.log(System.Logger.Level.WARNING, "Marketplace storage failed (" + what + "): " + e.getMessage());
        return new MarketplaceException(Reason.UNAVAILABLE, "The marketplace's storage failed (" + what
                + "); nothing was changed. Try again in a moment; if it persists, the node's log says why.");
    }

    static Version version(String text, String what) throws MarketplaceException {
        try {
            if (text.length() > 64) {
                throw new IllegalArgumentException("too long");
            }
            return Version.parseVersion(text);
        } catch (IllegalArgumentException e) {
            throw bad("'" + text + "' is not a " + what + " version (like 1.2.0).");
        }
    }
}
