package org.milkbottle.validation.api;

/** How serious a finding is. */
public enum Severity {
    /** For the record. */
    INFO,
    /** Worth knowing; does not stop the install. */
    WARNING,
    /** Vetoes the install. */
    ERROR
}
