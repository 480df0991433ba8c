package org.milkbottle.core.internal.console;

import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.osgi.framework.BundleContext;

/**
 * The interactive shell: a Gogo JLine session on the system terminal. Leaving it (Ctrl-D, or
 * {@code exit}) stops the runtime, as in Karaf.
 */
final class InteractiveShell {

    private InteractiveShell() {
    }

    static void run(BundleContext context, CommandProcessor processor) {
        try (Terminal terminal = TerminalBuilder.builder().name("milkbottle").system(true).dumb(false).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            try (CommandSession session = processor.createSession(terminal.input(), terminal.output(),
                    terminal.output())) {
                session.put(Shell.VAR_TERMINAL, terminal);
                terminal.writer().println("MilkBottle " + context.getBundle().getVersion()
                        + " - 'help' lists commands, 'help mb:install' explains one; Ctrl-D stops.");
                terminal.writer().flush();
                session.execute("gosh --login --noshutdown");
            }
        } catch (Exception e) {
            System.err.println("milkbottle: the shell ended with an error: " + e);
        }
    }
}
