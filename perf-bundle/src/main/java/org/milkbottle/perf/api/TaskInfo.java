package org.milkbottle.perf.api;

import java.time.Instant;

/**
 * A task that waits or runs.
 *
 * @param bundle the symbolic name of the bundle it runs for
 * @param bundleId that bundle's id
 * @param description what it does
 * @param running whether it runs now (else it waits for a slot)
 * @param submitted when it was submitted
 */
public record TaskInfo(String bundle, long bundleId, String description, boolean running, Instant submitted) {
}
