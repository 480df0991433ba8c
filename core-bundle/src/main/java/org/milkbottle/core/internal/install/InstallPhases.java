package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.milkbottle.perf.api.InstallTimings;

/**
 * How long each phase of one install or update took (fetch, validate, resolve, start), reported to the perf
 * bundle for every plugin of the request, so that {@code mb:info} and {@code /metrics} show where an install
 * spent its time. The phases are the request's: plugins installed together share them.
 */
public final class InstallPhases {

    private final Map<String, Duration> phases = new LinkedHashMap<>();

    /** Runs {@code work} as {@code phase}, recording how long it took even when it throws. */
    public <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            phases.merge(phase, Duration.ofNanos(System.nanoTime() - start), Duration::plus);
        }
    }

    /** The phases so far, in the order they ran. */
    public Map<String, Duration> phases() {
        return Map.copyOf(phases);
    }

    /** Reports every phase for each of {@code symbolicNames}; nothing when the perf bundle is not there. */
    public void report(InstallTimings timings, Collection<String> symbolicNames) {
        if (timings == null) {
            return;
        }
        for (String name : symbolicNames) {
            phases.forEach((phase, duration) -> timings.record(name, phase, duration));
        }
    }
}
