package org.milkbottle.core.internal.log;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The levels of the log, the configured thresholds per bundle, and their java.util.logging equivalents. */
public final class LogLevels {

    /** From the most to the least severe; a threshold lets through its own level and those above it. */
    public enum Level {
        ERROR(java.util.logging.Level.SEVERE), WARN(java.util.logging.Level.WARNING),
        INFO(java.util.logging.Level.INFO), DEBUG(java.util.logging.Level.FINE), TRACE(java.util.logging.Level.FINEST);

        private final java.util.logging.Level jul;

        Level(java.util.logging.Level jul) {
            this.jul = jul;
        }

        java.util.logging.Level jul() {
            return jul;
        }

        /** The level of a java.util.logging record. */
        static Level of(java.util.logging.Level level) {
            int value = level.intValue();
            if (value >= java.util.logging.Level.SEVERE.intValue()) {
                return ERROR;
            } else if (value >= java.util.logging.Level.WARNING.intValue()) {
                return WARN;
            } else if (value >= java.util.logging.Level.INFO.intValue()) {
                return INFO;
            } else if (value >= java.util.logging.Level.FINE.intValue()) {
                return DEBUG;
            }
            return TRACE;
        }

        /** The level of an OSGi log entry (AUDIT is always written, as the specification asks). */
        static Level of(org.osgi.service.log.LogLevel level) {
            return switch (level) {
                case AUDIT, ERROR -> ERROR;
                case WARN -> WARN;
                case INFO -> INFO;
                case DEBUG -> DEBUG;
                case TRACE -> TRACE;
            };
        }

        /** Whether an entry of {@code level} passes this threshold. */
        boolean lets(Level level) {
            return level.ordinal() <= ordinal();
        }

        /** {@code name} as a level; a clear error naming the levels there are. */
        public static Level parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("no log level '" + name + "'; the levels are ERROR, WARN, INFO, "
                        + "DEBUG and TRACE");
            }
        }
    }

    private final Level defaultLevel;
    private final Map<String, Level> byBundle;

    private LogLevels(Level defaultLevel, Map<String, Level> byBundle) {
        this.defaultLevel = defaultLevel;
        this.byBundle = byBundle;
    }

    /** The thresholds {@code config} sets; an entry that is not SYMBOLIC-NAME=LEVEL is an error naming it. */
    static LogLevels of(String level, String[] bundleLevels) {
        Map<String, Level> byBundle = new HashMap<>();
        for (String entry : bundleLevels) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("bundleLevels entry '" + entry + "' is not SYMBOLIC-NAME=LEVEL");
            }
            byBundle.put(entry.substring(0, equals).strip(), Level.parse(entry.substring(equals + 1)));
        }
        return new LogLevels(Level.parse(level), Map.copyOf(byBundle));
    }

    /** The threshold for entries of {@code bundle} (null: the runtime's default). */
    Level threshold(String bundle) {
        return bundle == null ? defaultLevel : byBundle.getOrDefault(bundle, defaultLevel);
    }

    Level defaultLevel() {
        return defaultLevel;
    }

    Map<String, Level> byBundle() {
        return byBundle;
    }

    /** The least severe threshold of all: java.util.logging must let at least that much reach the log. */
    Level mostVerbose() {
        Level verbose = defaultLevel;
        for (Level level : byBundle.values()) {
            if (level.ordinal() > verbose.ordinal()) {
                verbose = level;
            }
        }
        return verbose;
    }

    boolean lets(LogLine line) {
        return threshold(line.bundle()).lets(line.level());
    }
}
