package org.milkbottle.validation.api;

import java.util.List;
import java.util.Objects;

/**
 * Where a jar came from, as established by whoever fetched it, and what the operator allowed for it.
 * Trust is earned by provenance that was checked — never by a header the jar carries or leaves out.
 *
 * @param kind how the jar was obtained
 * @param source the source as the user named it (a path, URL, {@code mvn:} coordinates, a plugin name)
 * @param evidence what was checked, in words for the audit log (e.g. "SHA-1 matches Maven Central's"),
 *        or why the source does not count as trusted; never {@code null}
 * @param allowedPermissions permissions the operator allowed for this install on top of what the trust
 *        level allows ({@code mb:install --allow-permissions}); {@code framework} is never allowed this way
 */
public record Provenance(Kind kind, String source, String evidence, List<String> allowedPermissions) {

    /** How a jar was obtained. */
    public enum Kind {
        /** A local file or {@code file:} URL. */
        FILE,
        /** An {@code http(s):} URL. */
        URL,
        /** A jar dropped into the deploy folder. */
        DEPLOY_FOLDER,
        /** A bundle installed through the framework's API, behind MilkBottle's back. */
        RAW_INSTALL,
        /** From a Maven repository configured as trusted, its checksum verified against that repository. */
        TRUSTED_MAVEN,
        /** Listed with the same SHA-256 in the signed index of a configured marketplace. */
        MARKETPLACE_INDEX,
        /**
         * Installed through the framework's API by the program that embeds the framework (the launcher, a
         * test harness) — no bundle's code on the call stack — and so approved like the start-up bundles.
         */
        EMBEDDER;

        /** Whether this kind of provenance makes a jar trusted by its source ({@link TrustLevel#SOURCE}). */
        public boolean trustedSource() {
            return this == TRUSTED_MAVEN || this == MARKETPLACE_INDEX;
        }
    }

    public Provenance {
        Objects.requireNonNull(kind, "kind");
        source = source == null ? "" : source;
        evidence = evidence == null ? "" : evidence;
        allowedPermissions = allowedPermissions == null ? List.of() : List.copyOf(allowedPermissions);
    }

    /** An untrusted local file. */
    public static Provenance file(String source) {
        return new Provenance(Kind.FILE, source, "a local file: its source vouches for nothing", List.of());
    }

    /** The same provenance with extra permissions allowed by the operator. */
    public Provenance allowing(List<String> permissions) {
        return new Provenance(kind, source, evidence, permissions);
    }
}
