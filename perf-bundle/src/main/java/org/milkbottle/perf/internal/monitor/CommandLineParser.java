package org.milkbottle.perf.internal.monitor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command a shell line runs first: {@code hello:greet world} → scope {@code hello}, function {@code greet};
 * {@code greet} → function only; {@code a | b} → {@code a}. Lines that do not start with a command name
 * (a variable, a closure, an empty line) give nothing.
 */
final class CommandLineParser {

    /** An optional scope (or * for any), a colon, a function; ended by a blank, a pipe, ; or & or the line's end. */
    private static final Pattern FIRST_COMMAND = Pattern
            .compile("^\\s*(?:([A-Za-z_][\\w.\\-]*|\\*):)?([A-Za-z_][\\w.\\-]*)(?=$|[\\s|;&])");

    private CommandLineParser() {
    }

    static Optional<CommandName> firstCommand(CharSequence line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = FIRST_COMMAND.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String scope = m.group(1);
        return Optional.of(new CommandName("*".equals(scope) ? null : scope, m.group(2)));
    }

    /**
     * @param scope the {@code osgi.command.scope} asked for, {@code null} when the line gave none
     * @param function the {@code osgi.command.function}
     */
    record CommandName(String scope, String function) {
    }
}
