package org.milkbottle.core.internal.console;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Job;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.milkbottle.api.RuntimeCapability;
import org.osgi.framework.BundleContext;

/**
 * The interactive shell: Gogo's command language on a JLine line reader, with history and completion
 * of command names. {@code exit} or Ctrl-D leaves it, and the runtime stops, as in Karaf.
 */
final class InteractiveShell {

    private InteractiveShell() {
    }

    static void run(BundleContext context, CommandProcessor processor, Path historyFile, RuntimeStages stages) {
        try (Terminal terminal = systemTerminal()) {
            PrintStream out = new PrintStream(terminal.output(), true);
            try (CommandSession session = processor.createSession(terminal.input(), out, out)) {
                session.put("SCOPE", "mb:*");
                LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("milkbottle")
                        .variable(LineReader.HISTORY_FILE, historyFile)
                        .completer((lineReader, line, candidates) -> {
                            if (line.wordIndex() == 0) {
                                commands(session).forEach(c -> candidates.add(new Candidate(c)));
                            }
                        })
                        .build();
                out.println("MilkBottle " + RuntimeCapability.version(context) + " - 'help' lists commands, "
                        + "'help mb:install' explains one, Tab completes, 'exit' or Ctrl-D stops the runtime.");
                // log lines go above the prompt while the shell runs, not into the line being typed
                try (AbovePromptLog log = AbovePromptLog.install(Logger.getLogger(""), reader::printAbove)) {
                    loop(reader, session, out, stages);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("milkbottle: the shell failed: " + e);
        }
    }

    private static void loop(LineReader reader, CommandSession session, PrintStream out, RuntimeStages stages) {
        while (true) {
            String line;
            try {
                if (stages != null) {
                    stages.shellIdle(); // the user reads and types: the rest of the runtime starts meanwhile
                }
                line = reader.readLine("mb> ");
            } catch (UserInterruptException e) {
                continue; // Ctrl-C drops the line
            } catch (EndOfFileException e) {
                return;
            }
            String trimmed = line.trim();
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                return;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            // Ctrl-C while a command runs interrupts it (its job's threads), as in a Unix shell; a command that
            // watches for interruption (pdf:text) stops and says what it did. Outside commands it is ignored.
            Terminal terminal = reader.getTerminal();
            Terminal.SignalHandler before = terminal.handle(Terminal.Signal.INT, signal -> interrupt(session));
            try {
                BatchRunner.print(session, Statements.execute(session, trimmed, stages), out);
            } catch (Exception e) {
                out.println("Error: " + ShellErrors.message(trimmed, e));
            } finally {
                terminal.handle(Terminal.Signal.INT, before);
            }
        }
    }

    private static void interrupt(CommandSession session) {
        Job job = session.foregroundJob();
        if (job != null) {
            job.interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> commands(CommandSession session) {
        Object commands = session.get(".commands");
        return commands instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /** JLine finds its terminal providers through the context class loader: make it JLine's own. */
    private static Terminal systemTerminal() throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TerminalBuilder.class.getClassLoader());
        try {
            return TerminalBuilder.builder().name("milkbottle").system(true).nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
