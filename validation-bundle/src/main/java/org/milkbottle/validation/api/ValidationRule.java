package org.milkbottle.validation.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check run on every jar. Register an implementation as a service to add a rule; the validator runs
 * it after its built-in rules.
 */
@ConsumerType
public interface ValidationRule {

    /** The rule's id prefix, e.g. {@code archive}. */
    String id();

    /** Checks {@code archive} and reports into {@code findings}. Must not load classes from the archive. */
    void check(PluginArchive archive, Findings findings);
}
