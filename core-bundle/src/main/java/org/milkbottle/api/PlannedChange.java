package org.milkbottle.api;

/**
 * One step of an install plan.
 *
 * @param action what happens to the bundle
 * @param symbolicName the bundle's symbolic name
 * @param fromVersion the version installed now, or {@code null}
 * @param toVersion the version after the change, or {@code null} for a removal
 * @param source where the new bundle comes from
 */
public record PlannedChange(Action action, String symbolicName, String fromVersion, String toVersion, String source) {

    /** The kind of change. */
    public enum Action {
        INSTALL, UPDATE, UNCHANGED, UNINSTALL
    }
}
