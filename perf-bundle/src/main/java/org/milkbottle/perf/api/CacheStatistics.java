package org.milkbottle.perf.api;

/**
 * What a cache has done since it was created.
 *
 * @param bundle the symbolic name of the bundle that owns the cache
 * @param bundleId the owner's bundle id
 * @param name the cache's name
 * @param size the entries held now (an estimate while entries expire)
 * @param maximumSize the most entries it keeps
 * @param hits lookups that found a value
 * @param misses lookups that did not
 * @param evictions entries dropped for size or age
 * @param loadFailures loads that threw
 */
public record CacheStatistics(String bundle, long bundleId, String name, long size, long maximumSize, long hits,
        long misses, long evictions, long loadFailures) {

    /** Hits over all lookups, 0 when there were none. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 0 : (double) hits / lookups;
    }
}
