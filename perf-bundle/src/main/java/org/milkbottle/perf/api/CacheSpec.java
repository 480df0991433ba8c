package org.milkbottle.perf.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a named cache behaves: the most entries it keeps, and optionally how long an entry lives after it was
 * written and after what age a loading cache refreshes it in the background (the old value is served
 * meanwhile).
 *
 * @param maximumSize the most entries kept; the least recently used go first (at least 1)
 * @param expireAfterWrite how long an entry lives after it was written, or {@code null} for no expiry
 * @param refreshAfterWrite after what age a {@linkplain CacheManager#loadingCache loading cache} reloads an
 *        entry when it is next read, or {@code null} for never; only loading caches refresh
 */
public record CacheSpec(long maximumSize, Duration expireAfterWrite, Duration refreshAfterWrite) {

    public CacheSpec {
        if (maximumSize < 1) {
            throw new IllegalArgumentException("a cache must hold at least 1 entry, not " + maximumSize);
        }
        requirePositive("expireAfterWrite", expireAfterWrite);
        requirePositive("refreshAfterWrite", refreshAfterWrite);
    }

    /** A cache of at most {@code maximumSize} entries that never expire. */
    public static CacheSpec ofSize(long maximumSize) {
        return new CacheSpec(maximumSize, null, null);
    }

    /** This spec with entries that live {@code ttl} after they were written. */
    public CacheSpec expireAfterWrite(Duration ttl) {
        return new CacheSpec(maximumSize, Objects.requireNonNull(ttl, "ttl"), refreshAfterWrite);
    }

    /** This spec with entries a loading cache refreshes once they are {@code age} old. */
    public CacheSpec refreshAfterWrite(Duration age) {
        return new CacheSpec(maximumSize, expireAfterWrite, Objects.requireNonNull(age, "age"));
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException(what + " must be a positive duration, not " + duration);
        }
    }
}
