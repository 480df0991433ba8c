package org.milkbottle.core.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * While the interactive shell runs, log lines ({@code INFO Deployed hello.jar}, a veto) are printed above
 * the prompt and the line being typed, not into the middle of them: the console handlers of the root
 * logger, which write to standard error wherever the cursor is, are taken off for the shell's lifetime and
 * replaced by a handler that formats each record the same way and hands it to the line reader
 * ({@code LineReader.printAbove}), which redraws the prompt and the typed text below it. Closing puts the
 * console handlers back.
 */
final class AbovePromptLog extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Consumer<String> printAbove;
    private final List<Handler> suspended;

    private AbovePromptLog(Logger logger, Consumer<String> printAbove, List<Handler> suspended) {
        this.logger = logger;
        this.printAbove = printAbove;
        this.suspended = suspended;
    }

    /**
     * Routes what {@code logger}'s console handlers would print through {@code printAbove} until closed. Without
     * a console handler nothing was printed, and nothing is.
     */
    static AbovePromptLog install(Logger logger, Consumer<String> printAbove) {
        List<Handler> console = new ArrayList<>();
        for (Handler handler : logger.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                console.add(handler);
            }
        }
        AbovePromptLog log = new AbovePromptLog(logger, printAbove, console);
        if (!console.isEmpty()) {
            Handler first = console.get(0);
            log.setFormatter(first.getFormatter());
            log.setLevel(first.getLevel());
            log.setFilter(first.getFilter());
            logger.addHandler(log);
            // added first, removed after: a record logged in between may show twice, but none is lost
            console.forEach(h -> {
                h.flush();
                logger.removeHandler(h);
            });
        }
        return log;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            printAbove.accept(line);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public void flush() {
        // printAbove flushes the terminal
    }

    /** Puts the console handlers back. */
    @Override
    public void close() {
        if (suspended.isEmpty()) {
            return;
        }
        // put back first, then take this one off: none is lost in between
        suspended.forEach(logger::addHandler);
        logger.removeHandler(this);
    }
}
