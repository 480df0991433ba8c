package org.milkbottle.api;

/**
 * A requirement of a plugin and what satisfies it.
 *
 * @param namespace e.g. {@code osgi.wiring.package}, {@code milkbottle.runtime}
 * @param requirement the requirement in plain words, e.g. {@code package org.slf4j [1.7,2)}
 * @param provider who provides it, e.g. {@code slf4j.api 1.7.36}, or {@code null} when unresolved
 * @param optional whether the plugin works without it
 */
public record Dependency(String namespace, String requirement, String provider, boolean optional) {
}
