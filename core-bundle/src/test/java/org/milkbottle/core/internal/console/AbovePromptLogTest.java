package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Log lines go above the interactive prompt while the shell runs, and back to standard error after. */
class AbovePromptLogTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream realStderr;
    private Logger logger;
    private ConsoleHandler console;

    @BeforeEach
    void consoleHandlerOnStandardError() {
        realStderr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8)); // a ConsoleHandler writes to System.err as it is when created
        console = new ConsoleHandler();
        console.setLevel(Level.INFO);
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getLevel() + " " + record.getMessage() + "\n";
            }
        });
        logger = Logger.getLogger("milkbottle.test.prompt." + System.nanoTime());
        logger.setUseParentHandlers(false);
        logger.addHandler(console);
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(realStderr);
        for (Handler handler : logger.getHandlers()) {
            logger.removeHandler(handler);
        }
    }

    @Test
    void whileTheShellRunsLogLinesArePrintedAboveThePromptFormattedAsOnTheConsole() {
        List<String> printedAbove = new CopyOnWriteArrayList<>();
        try (AbovePromptLog log = AbovePromptLog.install(logger, printedAbove::add)) {
            logger.info("Deployed hello.jar");
            logger.fine("below the console's level: not shown");
            Logger.getLogger(logger.getName() + ".child").warning("Vetoed raw.exits 1.0.0");
            assertThat(logger.getHandlers()).containsExactly(log);
        }
        assertThat(printedAbove).containsExactly("INFO Deployed hello.jar\n", "WARNING Vetoed raw.exits 1.0.0\n");
        console.flush();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as("nothing into the prompt").isEmpty();

        logger.info("after the shell");
        console.flush();
        assertThat(logger.getHandlers()).containsExactly(console);
        assertThat(printedAbove).hasSize(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("INFO after the shell\n");
    }

    @Test
    void withoutAConsoleHandlerNothingIsPrintedAndNothingChanges() {
        logger.removeHandler(console);
        List<String> printedAbove = new CopyOnWriteArrayList<>();
        try (AbovePromptLog log = AbovePromptLog.install(logger, printedAbove::add)) {
            logger.warning("nowhere to go");
            assertThat(logger.getHandlers()).isEmpty();
        }
        assertThat(printedAbove).isEmpty();
        assertThat(logger.getHandlers()).isEmpty();
    }

    @Test
    void aFailingPrintDoesNotReachTheCodeThatLogged() {
        try (AbovePromptLog log = AbovePromptLog.install(logger, line -> {
            throw new IllegalStateException("terminal closed");
        })) {
            logger.info("still fine"); // the handler's error manager reports it; the caller goes on
        }
        assertThat(logger.getHandlers()).containsExactly(console);
    }
}
