package org.milkbottle.core.internal.console;

import java.util.List;

/**
 * The command line of {@code java -jar milkbottle.jar}: how the console should run.
 *
 * @param mode interactive shell, headless, or a batch of commands
 * @param commands the commands of {@code -c}, or {@code null} to read them from standard input
 * @param error a usage error to report, or {@code null}
 */
public record ConsoleArguments(Mode mode, String commands, String error) {

    /** How the runtime talks to its user. */
    public enum Mode {
        /** An interactive Gogo shell on the terminal. */
        INTERACTIVE,
        /** No shell: the runtime runs until it is stopped (a service). */
        HEADLESS,
        /** Run commands, print their results, stop with an exit status. */
        BATCH,
        /** Print usage and stop. */
        HELP
    }

    /** Usage text. */
    public static final String USAGE = String.join("\n",
            "Usage: java -jar milkbottle.jar [options]",
            "  (no option)          interactive shell when run on a terminal; when standard input is not a",
            "                       terminal, commands are read from it and the runtime exits after them",
            "  -c, --command CMDS   run the shell commands CMDS (separated by ';' or new lines), then exit;",
            "                       the exit status is 0 if all succeeded, 1 at the first that failed",
            "                       (2: a usage error; the others: docs/user-guide.md)",
            "  --headless           run without a shell until stopped (for services and containers)",
            "  -h, --help           show this help",
            "");

    /** Parses the launcher's arguments; {@code terminal} says whether standard input is a terminal. */
    public static ConsoleArguments parse(List<String> args, boolean terminal) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-c", "--command" -> {
                    if (i + 1 >= args.size()) {
                        return new ConsoleArguments(Mode.HELP, null, arg + " needs the commands to run");
                    }
                    return new ConsoleArguments(Mode.BATCH, String.join(" ", args.subList(i + 1, args.size())), null);
                }
                case "--headless" -> {
                    return new ConsoleArguments(Mode.HEADLESS, null, null);
                }
                case "-h", "--help" -> {
                    return new ConsoleArguments(Mode.HELP, null, null);
                }
                default -> {
                    return new ConsoleArguments(Mode.HELP, null, "unknown option '" + arg + "'");
                }
            }
        }
        return new ConsoleArguments(terminal ? Mode.INTERACTIVE : Mode.BATCH, null, null);
    }
}
