package org.milkbottle.core.internal.health;

/** The tags of the runtime's own health checks, as {@code /health/ready} and {@code /health/live} select them. */
public final class RuntimeHealthChecks {

    /** Whether the runtime should get work: its bundles active, no recovery running, the marketplace store reachable. */
    public static final String READY = "ready";

    /** Whether the process lives: the framework runs and is not stopping. */
    public static final String LIVE = "live";

    private RuntimeHealthChecks() {
    }
}
