package org.milkbottle.perf.internal.cache;

import org.milkbottle.perf.api.CacheLimitException;

/**
 * What one bundle may cache, and the errors that say so. The entry limit counts the caches' maximum sizes, not
 * the entries they hold now, so a bundle cannot pass it later by filling a cache it was allowed to create.
 *
 * @param maxCachesPerBundle the most named caches one bundle may hold
 * @param maxEntriesPerBundle the most entries (sum of maximum sizes) one bundle's caches may hold
 */
record CacheLimits(int maxCachesPerBundle, long maxEntriesPerBundle) {

    /** The limits when nothing is configured. */
    static final CacheLimits DEFAULT = new CacheLimits(32, 100_000);

    CacheLimits {
        if (maxCachesPerBundle < 1 || maxEntriesPerBundle < 1) {
            throw new IllegalArgumentException("cache limits must be at least 1, not maxCachesPerBundle="
                    + maxCachesPerBundle + ", maxEntriesPerBundle=" + maxEntriesPerBundle + " (" + CacheConfig.PID
                    + ")");
        }
    }

    static CacheLimits of(CacheConfig config) {
        return new CacheLimits(config.maxCachesPerBundle(), config.maxEntriesPerBundle());
    }

    /**
     * @param owner the bundle, as people read it ("com.acme.foo (bundle 42)")
     * @param name the cache it asks for
     * @param caches how many caches it holds already
     * @param entries the sum of their maximum sizes
     * @param maximumSize the maximum size of the cache it asks for
     * @throws CacheLimitException when the new cache would take the bundle over a limit
     */
    void check(String owner, String name, int caches, long entries, long maximumSize) {
        if (caches + 1 > maxCachesPerBundle) {
            throw new CacheLimitException(owner + " asks for cache '" + name + "', which would be its cache number "
                    + (caches + 1) + ", but a bundle may hold at most " + maxCachesPerBundle
                    + " caches: remove caches it no longer uses, or raise maxCachesPerBundle in configuration "
                    + CacheConfig.PID);
        }
        // Math.addExact would throw ArithmeticException on absurd sizes; saturating keeps the message meaningful.
        long total = entries > Long.MAX_VALUE - maximumSize ? Long.MAX_VALUE : entries + maximumSize;
        if (total > maxEntriesPerBundle) {
            throw new CacheLimitException(owner + " asks for cache '" + name + "' of " + maximumSize
                    + " entries; with the " + entries + " its other caches may hold that makes " + total
                    + ", but a bundle's caches may hold at most " + maxEntriesPerBundle
                    + " entries together: ask for a smaller cache, or raise maxEntriesPerBundle in configuration "
                    + CacheConfig.PID);
        }
    }
}
