package org.milkbottle.core.internal.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.apache.felix.service.command.Converter;

/**
 * Runs statements one by one in a Gogo session of their own, printing each result; stops at the first
 * failure. Used by the batch modes of the console and by the admin socket ({@code --attach}).
 */
public final class BatchRunner {
    /** How long the input may stay silent before the shell counts as idle (see {@link #nextLine}). */
    static final Duration IDLE_AFTER = Duration.ofMillis(100);

    private final CommandProcessor processor;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final RuntimeStages stages;

    public BatchRunner(CommandProcessor processor, InputStream in, PrintStream out, PrintStream err) {
        this(processor, in, out, err, null);
    }

    /** @param stages lets a command of a bundle that starts after the prompt wait for it; null: no waiting */
    public BatchRunner(CommandProcessor processor, InputStream in, PrintStream out, PrintStream err,
            RuntimeStages stages) {
        this.processor = processor;
        this.in = in;
        this.out = out;
        this.err = err;
        this.stages = stages;
    }

    /** Runs {@code statements}; 0 if all succeeded, {@link ConsoleLauncher#FAILED} at the first that failed. */
    public int run(List<String> statements) {
        try (CommandSession session = session()) {
            for (String statement : statements) {
                if (isExit(statement)) {
                    return 0;
                }
                if (!execute(session, statement)) {
                    return ConsoleLauncher.FAILED;
                }
            }
        }
        return 0;
    }

    /**
     * Runs the statements of {@code script} as they arrive: each one as soon as the line that completes it
     * has been read, not after the end of input; stops at the first that fails.
     */
    public int run(BufferedReader script) {
        StatementSplitter splitter = new StatementSplitter();
        try (CommandSession session = session()) {
            String line;
            while ((line = nextLine(script)) != null) {
                for (String statement : splitter.feed(line + "\n")) {
                    if (isExit(statement)) {
                        return 0;
                    }
                    if (!execute(session, statement)) {
                        return ConsoleLauncher.FAILED;
                    }
                }
            }
            for (String statement : splitter.finish()) {
                if (isExit(statement)) {
                    return 0;
                }
                if (!execute(session, statement)) {
                    return ConsoleLauncher.FAILED;
                }
            }
        } catch (IOException e) {
            err.println("milkbottle: cannot read commands from standard input: " + e.getMessage());
            err.flush();
            return ConsoleLauncher.FAILED;
        }
        return 0;
    }

    /**
     * {@code exit} or {@code quit} ends a batch as it leaves the interactive shell: a session typed once and replayed
     * through a pipe ends the same way (Gogo has no such command: it failed with "Command not found").
     */
    private static boolean isExit(String statement) {
        String trimmed = statement.trim();
        return trimmed.equals("exit") || trimmed.equals("quit");
    }

    /**
     * The next line; when none has come {@link #IDLE_AFTER} after asking, the shell is idle and the rest of the
     * runtime may start. Not at once: at the end of a pipe ({@code echo mb:list | milkbottle}) no line is ready
     * either, the end of input follows straight away, and starting the web server and the database then only made
     * the runtime's stop wait for them (a one-shot command took ~2.2 s instead of ~1.6 s).
     */
    private String nextLine(BufferedReader script) throws IOException {
        if (stages == null || script.ready()) {
            return script.readLine();
        }
        AtomicBoolean waiting = new AtomicBoolean(true);
        CompletableFuture.runAsync(() -> {
            if (waiting.get()) {
                stages.shellIdle();
            }
        }, CompletableFuture.delayedExecutor(IDLE_AFTER.toMillis(), TimeUnit.MILLISECONDS));
        try {
            return script.readLine();
        } finally {
            waiting.set(false);
        }
    }

    private CommandSession session() {
        CommandSession session = processor.createSession(in, out, err);
        // as in the interactive shell: 'list' means mb:list, other scopes still resolve
        session.put("SCOPE", "mb:*");
        return session;
    }

    /** Runs one statement and prints its result or its error; false if it failed. */
    private boolean execute(CommandSession session, String statement) {
        try {
            print(session, Statements.execute(session, statement, stages), out);
            return true;
        } catch (Exception e) {
            out.flush();
            if (stages != null && stages.frameworkStopping()) {
                // stopped under the command (SIGTERM): its error ("Command not found", "Invalid BundleContext")
                // would only say that the runtime went away
                err.println("milkbottle: the runtime is stopping; '" + statement + "' did not complete.");
                err.flush();
                return false;
            }
            err.println("Error in '" + statement + "': " + ShellErrors.message(statement, e));
            if (Boolean.getBoolean("milkbottle.debug")) {
                e.printStackTrace(err); // -Dmilkbottle.debug=true: the whole story, for bug reports
            }
            err.flush();
            return false;
        }
    }

    /** Prints a command's result as Gogo formats it, ending with a line break. */
    static void print(CommandSession session, Object result, PrintStream out) {
        if (result != null) {
            CharSequence text = session.format(result, Converter.INSPECT);
            out.print(text);
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                out.println();
            }
        }
        out.flush();
    }
}
