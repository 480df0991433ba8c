package org.milkbottle.validation.api;

import java.util.Locale;

/**
 * How far a jar is trusted, from the strongest to none. Each level allows a set of permissions; only
 * {@link #SIGNED} can hold {@link Permissions#FRAMEWORK}.
 */
public enum TrustLevel {
    /** Signed by a certificate in MilkBottle's trust store (or one it issued). May hold every permission. */
    SIGNED,
    /** Fetched from a trusted source with its content checked (see {@link Provenance.Kind#trustedSource()}). */
    SOURCE,
    /** The operator allowed this exact content by its SHA-256 ({@code mb:trust-allow}). */
    OPERATOR,
    /** Anything else: local files, URLs, the deploy folder, raw installs. */
    UNTRUSTED;

    /** Lower-case name as shown to users and written to the audit log. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
