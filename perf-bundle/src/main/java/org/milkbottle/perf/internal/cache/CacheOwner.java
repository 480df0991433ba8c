package org.milkbottle.perf.internal.cache;

/**
 * The bundle that owns a set of caches.
 *
 * @param bundleId its id
 * @param symbolicName its symbolic name
 */
record CacheOwner(long bundleId, String symbolicName) {

    CacheOwner {
        // A bundle without a Bundle-SymbolicName (legacy OSGi R3) still needs a name people can read.
        symbolicName = symbolicName == null || symbolicName.isBlank() ? "bundle-" + bundleId : symbolicName;
    }

    @Override
    public String toString() {
        return symbolicName + " (bundle " + bundleId + ")";
    }
}
