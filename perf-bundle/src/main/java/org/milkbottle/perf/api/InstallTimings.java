package org.milkbottle.perf.api;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the plugin manager reports how long each phase of installing or updating a plugin took, so that
 * {@code mb:info} and {@code /metrics} can show it.
 */
@ProviderType
public interface InstallTimings {

    /** The phases of the install pipeline, in order. */
    String FETCH = "fetch", VALIDATE = "validate", RESOLVE = "resolve", START = "start";

    /**
     * Records that {@code phase} took {@code duration} for the plugin with {@code symbolicName}; a later record
     * of the same phase replaces it.
     */
    void record(String symbolicName, String phase, Duration duration);
}
