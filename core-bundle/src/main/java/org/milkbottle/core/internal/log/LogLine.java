package org.milkbottle.core.internal.log;

import java.time.Instant;

/**
 * One log entry, whichever way it came (the OSGi Log Service, or java.util.logging / System.Logger).
 *
 * @param time when it was logged
 * @param level its level ({@link LogLevels})
 * @param bundle the symbolic name of the bundle that logged it, or {@code null} when no bundle can be named
 * @param logger the logger's name
 * @param message the message
 * @param thread the thread that logged it
 * @param exception the exception's stack trace, or {@code null}
 */
public record LogLine(Instant time, LogLevels.Level level, String bundle, String logger, String message, String thread,
        String exception) {
}
