package org.milkbottle.perf.internal.task;

/**
 * The bundle tasks run for.
 *
 * @param bundleId its id
 * @param symbolicName its symbolic name
 */
record TaskOwner(long bundleId, String symbolicName) {

    TaskOwner {
        // A bundle without a Bundle-SymbolicName (legacy OSGi R3) still needs a name people can read.
        symbolicName = symbolicName == null || symbolicName.isBlank() ? "bundle-" + bundleId : symbolicName;
    }

    @Override
    public String toString() {
        return symbolicName + " (bundle " + bundleId + ")";
    }
}
