package org.milkbottle.core.internal.console;

import java.time.Duration;

import org.apache.felix.service.command.CommandSession;
import org.milkbottle.core.internal.start.RuntimeStages;

/**
 * Runs one shell statement. A command of a runtime bundle that starts after the prompt (the marketplace's, the
 * repository client's) is not there yet in the first second or so: such a statement waits for those bundles and
 * runs again, rather than failing with "Command not found". Only a simple statement is run again — one command
 * with plain arguments, the one not found — so that nothing in it has run before (no pipe, no nested execution,
 * no closure, no variable).
 */
final class Statements {

    /** How long a statement waits for the deferred runtime bundles. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COMMAND_NOT_FOUND = "org.apache.felix.gogo.runtime.CommandNotFoundException";

    private Statements() {
    }

    /** One command, the one not found, with arguments that run nothing themselves. */
    static boolean isSimple(String statement, String notFoundMessage) {
        String trimmed = statement.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> "|()[]{}$;&<>`=".indexOf(c) >= 0)) {
            return false;
        }
        String command = trimmed.split("\\s+", 2)[0];
        return notFoundMessage != null && notFoundMessage.endsWith(": " + command);
    }

    static Object execute(CommandSession session, String statement, RuntimeStages stages) throws Exception {
        try {
            return session.execute(statement);
        } catch (Exception e) {
            if (stages == null || stages.isStarted() || !COMMAND_NOT_FOUND.equals(e.getClass().getName())
                    || !isSimple(statement, e.getMessage()) || !stages.awaitStarted(WAIT)) {
                throw e;
            }
            return session.execute(statement);
        }
    }
}
