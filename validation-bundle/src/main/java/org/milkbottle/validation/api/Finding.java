package org.milkbottle.validation.api;

/**
 * One thing a rule found.
 *
 * @param rule the rule's id, e.g. {@code archive.path-traversal}
 * @param severity how serious it is
 * @param message what was found and what to do, in plain words
 * @param location where: an entry name, a header, or {@code class.method}; may be {@code null}
 */
public record Finding(String rule, Severity severity, String message, String location) {
}
