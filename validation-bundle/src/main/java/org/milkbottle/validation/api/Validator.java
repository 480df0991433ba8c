package org.milkbottle.validation.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Runs all validation rules on a jar. Thread-safe. */
@ProviderType
public interface Validator {

    /**
     * Validates the jar at {@code jar} as an untrusted local file; never throws for bad input — a jar that cannot be read at all is
     * a report with an error finding.
     *
     * @param subject how to name the jar in messages (e.g. the source the user gave)
     */
    ValidationReport validate(Path jar, String subject);

    /**
     * Validates the jar, as an untrusted local file, as part of an install and records the decision — approved or vetoed, the
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

    /**
     * Validates a jar as it would be judged for an install from {@code provenance}, without recording
     * anything: trust is decided from the signature, the provenance and the operator's allow list.
     *
     * @since 1.4
     */
    ValidationReport validate(Path jar, Provenance provenance);

    /**
     * Validates the jar for an install from {@code provenance} and records the decision, with the trust
     * level and the evidence for it, in the audit log.
     *
     * @param origin who asks: {@code shell}, {@code deploy}, ...
     * @param acceptAdvisories as for {@link #approve(Path, String, String, boolean)}
     * @since 1.4
     */
    ValidationReport approve(Path jar, Provenance provenance, String origin, boolean acceptAdvisories);

    /**
     * Validates content being put back (a rollback, crash recovery) under the provenance it was approved
     * with when it came in — content never approved before is judged as an untrusted file — and records the
     * decision. Advisories do not veto here: the content was installed already.
     *
     * @param source the source recorded for it, for messages
     * @since 1.4
     */
    ValidationReport reapprove(Path jar, String source, String origin);

    /** The advisories that apply to this version of a plugin. */
    List<Advisory> advisories(String symbolicName, String version);
}
