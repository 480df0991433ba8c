package org.milkbottle.core.internal.console;

import java.util.List;

/**
 * The command line of {@code java -jar milkbottle.jar}: how the console should run.
 *
 * @param mode interactive shell, headless, a batch of commands, or a batch sent to a running runtime
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
        /**
         * Send the commands to the runtime already running in this folder ({@code --attach}) and print its
         * answers; nothing starts. The launcher's {@code Main} runs it before the framework, with {@code AttachClient}.
         */
        ATTACH,
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
            "  --attach -c CMDS     run CMDS in the runtime already running in this folder (e.g. a headless",
            "                       marketplace node: --attach -c \"mb:market-token alice\"); nothing starts.",
            "                       Same exit statuses; 5: no runtime runs on ./data (docs/user-guide.md)",
            "  --restore FILE [--replace]",
            "                       restore a backup written by mb:backup into the data folder, which must be",
            "                       empty unless --replace (the current data is then kept in",
            "                       data/before-restore-TIME), then exit; 8: the backup or folder was refused",
            "  -h, --help           show this help",
            "");

    /** Parses the launcher's arguments; {@code terminal} says whether standard input is a terminal. */
    public static ConsoleArguments parse(List<String> args, boolean terminal) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-c", "--command" -> {
                    String commands = String.join(" ", args.subList(i + 1, args.size()));
                    if (commands.isBlank()) {
                        return new ConsoleArguments(Mode.HELP, null, arg + " needs the commands to run");
                    }
                    return new ConsoleArguments(Mode.BATCH, commands, null);
                }
                case "--attach" -> {
                    boolean commands = i + 2 < args.size()
                            && (args.get(i + 1).equals("-c") || args.get(i + 1).equals("--command"))
                            && !String.join(" ", args.subList(i + 2, args.size())).isBlank();
                    if (!commands) {
                        return new ConsoleArguments(Mode.HELP, null, "--attach needs the commands to run right after "
                                + "it: --attach -c CMDS" + (i + 1 < args.size() && !args.get(i + 1).startsWith("-c")
                                        && !args.get(i + 1).equals("--command")
                                        ? " ('" + args.get(i + 1) + "' cannot come with it)" : ""));
                    }
                    return new ConsoleArguments(Mode.ATTACH, String.join(" ", args.subList(i + 2, args.size())), null);
                }
                case "--headless" -> {
                    if (i + 1 < args.size()) {
                        // a headless runtime reads no commands: '--headless -c X' used to start one and never return
                        return new ConsoleArguments(Mode.HELP, null, "--headless takes no other option (got '"
                                + args.get(i + 1) + "'); run commands in a headless runtime from another terminal "
                                + "with --attach -c CMDS");
                    }
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
