package org.milkbottle.core.internal.console;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Says what went wrong with a shell statement in words a user can act on. Gogo's own errors name its
 * internals ("Cannot coerce list(Token) …", "unexpected token ')' while looking for array key"); they are
 * turned into what to type instead. Every other error is reported by its innermost message.
 */
final class ShellErrors {

    /** Gogo's parser errors; matched by name, as the core bundle uses only the shell's command API. */
    private static final String SYNTAX_ERROR = "org.apache.felix.gogo.runtime.SyntaxError";
    /** Characters that mean something to Gogo's parser: an argument holding them must be quoted. */
    private static final String SPECIAL = "[](){}";

    private ShellErrors() {
    }

    static String message(String statement, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isSyntaxError(t.getClass())) {
                // the parser's own words ("while looking for array key") describe its grammar, not the mistake
                return "The shell cannot read this line: brackets, braces and parentheses mean something to the"
                        + " shell. Put an argument that holds them in quotes, e.g. " + quoted(statement);
            }
        }
        if (e instanceof InterruptedException) {
            // Ctrl-C: the command was interrupted; one that cancels its work says itself what it did
            return "Interrupted (Ctrl-C).";
        }
        String message = e.getMessage();
        if (e instanceof IllegalArgumentException && message != null && message.startsWith("Cannot coerce")) {
            String command = statement.trim().split("\\s+", 2)[0];
            return "Wrong arguments for " + command + "; 'help " + command + "' shows what it takes.";
        }
        // wrappers (reflection, DS) say only what they wrap: report the innermost cause that has words
        Throwable shown = e;
        while (shown.getCause() != null && (shown.getMessage() == null
                || shown instanceof InvocationTargetException
                || shown.getMessage().equals(shown.getCause().toString()))) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.toString() : shown.getMessage();
    }

    private static boolean isSyntaxError(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(SYNTAX_ERROR)) {
                return true;
            }
        }
        return false;
    }

    /** The statement with each word that holds a special character in single quotes. */
    static String quoted(String statement) {
        return Arrays.stream(statement.trim().split("\\s+"))
                .map(w -> w.chars().anyMatch(c -> SPECIAL.indexOf(c) >= 0) && !w.startsWith("'") && !w.startsWith("\"")
                        ? "'" + w + "'" : w)
                .collect(Collectors.joining(" "));
    }
}
