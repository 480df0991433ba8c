package org.milkbottle.perf.internal.monitor;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.milkbottle.perf.api.InstallTimings;

/**
 * The last duration of each install phase, per symbolic name (the plugin manager reports phases before the
 * bundle exists, so there is no bundle id to key on). Read back in pipeline order: fetch, validate, resolve,
 * start, then any other phase in the order it first arrived. Thread-safe.
 */
final class InstallPhaseLog {

    private static final List<String> PIPELINE = List.of(InstallTimings.FETCH, InstallTimings.VALIDATE,
            InstallTimings.RESOLVE, InstallTimings.START);

    private final Map<String, Map<String, Duration>> bySymbolicName = new ConcurrentHashMap<>();

    void record(String symbolicName, String phase, Duration duration) {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(duration, "duration");
        bySymbolicName.compute(symbolicName, (name, phases) -> {
            Map<String, Duration> next = phases == null ? new LinkedHashMap<>() : new LinkedHashMap<>(phases);
            next.put(phase, duration);
            return Collections.unmodifiableMap(next);
        });
    }

    /** The phases of {@code symbolicName}, in pipeline order; empty when none was reported. */
    Map<String, Duration> phasesOf(String symbolicName) {
        Map<String, Duration> phases = symbolicName == null ? null : bySymbolicName.get(symbolicName);
        if (phases == null) {
            return Map.of();
        }
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (String phase : PIPELINE) {
            Duration d = phases.get(phase);
            if (d != null) {
                ordered.put(phase, d);
            }
        }
        // LinkedHashMap keeps a replaced key where it first arrived.
        phases.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    void forget(String symbolicName) {
        if (symbolicName != null) {
            bySymbolicName.remove(symbolicName);
        }
    }
}
