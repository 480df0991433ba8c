package org.milkbottle.sdk.api;

import java.time.Instant;

/**
 * One rebuilt jar that {@code mb:dev} took up.
 *
 * @param at             when it was installed or refused
 * @param installed      whether it is now the running version (else the one before still runs)
 * @param version        the version this update installed, or null when it was refused (the version before, if
 *                       any, keeps running)
 * @param message        what happened: "ACTIVE", or why it was refused
 * @param millisFromWrite from the jar's last write (its modification time) to {@code at}
 */
public record DevUpdate(Instant at, boolean installed, String version, String message, long millisFromWrite) {
}
