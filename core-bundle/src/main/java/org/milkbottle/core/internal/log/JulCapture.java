package org.milkbottle.core.internal.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Takes what java.util.logging (and {@code System.Logger}, which goes there) receives to the runtime's log, with the
 * bundle that logged it: the bundle of the first class on the logging thread's stack that is not the logging
 * machinery itself. A logger's name says nothing reliable about who logs; the stack does.
 */
final class JulCapture extends Handler {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The logging machinery: frames of these packages are skipped. */
    private static final Set<String> MACHINERY = Set.of("java.util.logging.", "sun.util.logging.",
            "jdk.internal.logger.", "java.lang.System$Logger", "org.milkbottle.core.internal.log.");

    private final Consumer<LogLine> into;

    JulCapture(Consumer<LogLine> into) {
        this.into = into;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        String message;
        try {
            message = new java.util.logging.SimpleFormatter().formatMessage(record);
        } catch (RuntimeException e) {
            message = record.getMessage();
        }
        into.accept(new LogLine(record.getInstant() == null ? Instant.now() : record.getInstant(),
                LogLevels.Level.of(record.getLevel()), caller().orElse(null), record.getLoggerName(), message,
                Thread.currentThread().getName(), stackTrace(record.getThrown())));
    }

    /** The symbolic name of the bundle whose code logs, if a bundle's class is on the stack at all. */
    static Optional<String> caller() {
        return STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> MACHINERY.stream().noneMatch(m -> c.getName().startsWith(m)))
                .findFirst()).map(FrameworkUtil::getBundle).map(Bundle::getSymbolicName);
    }

    static String stackTrace(Throwable thrown) {
        if (thrown == null) {
            return null;
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Override
    public void flush() {
        // the runtime log writes through at once
    }

    @Override
    public void close() {
        // nothing of its own to close
    }
}
