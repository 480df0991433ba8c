package org.milkbottle.validation.api;

import org.osgi.framework.Bundle;

/**
 * The location MilkBottle's install pipeline gives the bundles it installs: {@code milkbottle:SYMBOLIC-NAME}.
 * A bundle at such a location is a plugin or library installed through MilkBottle — held to its policy,
 * never mistaken for one of the runtime's own bundles — and keeps its identity whichever way it arrived.
 */
public final class ManagedLocation {

    /** The prefix of every location the pipeline installs at. */
    public static final String PREFIX = "milkbottle:";

    private ManagedLocation() {
    }

    /** The location of the managed bundle with this symbolic name. */
    public static String of(String symbolicName) {
        return PREFIX + symbolicName;
    }

    /** Whether MilkBottle's pipeline installed the bundle at this location. */
    public static boolean isManaged(String location) {
        return location != null && location.startsWith(PREFIX);
    }

    /** Whether MilkBottle's pipeline installed this bundle. */
    public static boolean isManaged(Bundle bundle) {
        return isManaged(bundle.getLocation());
    }
}
