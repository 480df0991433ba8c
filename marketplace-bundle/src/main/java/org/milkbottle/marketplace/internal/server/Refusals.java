package org.milkbottle.marketplace.internal.server;

import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.osgi.framework.Version;

/** The refusals every part of the marketplace words the same way, and the input checks they share. */
final class Refusals {

    /** A user or token owner: letters, digits and {@code . _ @ -}. */
    static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");

    private Refusals() {
    }

    static MarketplaceException bad(String message) {
        return new MarketplaceException(Reason.BAD_REQUEST, message);
    }

    static MarketplaceException unavailable(Exception e) {
        return new MarketplaceException(Reason.UNAVAILABLE, "The marketplace's storage failed (" + e.getMessage()
                + "); nothing was changed. Try again later.", e);
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
