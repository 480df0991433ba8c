package org.milkbottle.validation.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Runs all validation rules on a jar. Thread-safe. */
@ProviderType
public interface Validator {

    /**
     * Validates the jar at {@code jar}; never throws for bad input — a jar that cannot be read at all is
     * a report with an error finding.
     *
     * @param subject how to name the jar in messages (e.g. the source the user gave)
     */
    ValidationReport validate(Path jar, String subject);

    /**
     * Validates the jar as part of an install and records the decision — approved or vetoed, the
     * findings, the SHA-256, who asked — in the audit log.
     *
     * @param origin who asks: {@code shell}, {@code deploy}, ...
     */
    ValidationReport approve(Path jar, String subject, String origin);

    /**
     * As {@link #approve(Path, String, String)}; with {@code acceptAdvisories}, matching advisories are
     * the user's informed choice ({@code mb:install --force}): they are kept as warnings, recorded as
     * overridden in the audit log, and do not veto. Every other error still does.
     *
     * @since 1.3
     */
    ValidationReport approve(Path jar, String subject, String origin, boolean acceptAdvisories);

    /** The advisories that apply to this version of a plugin. */
    java.util.List<Advisory> advisories(String symbolicName, String version);
}
