package org.milkbottle.core.internal.console;

import java.time.Duration;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * On SIGTERM (a service manager stopping the runtime, Ctrl-C in headless mode) stops the framework before the JVM
 * ends, so that every plugin's stop and every component's deactivation run, as at the end of a batch. The hook is
 * bounded: a plugin whose stop never returns does not keep the process from ending.
 */
final class CleanStopOnSignal {

    private final Thread hook;

    private CleanStopOnSignal(Framework framework, Duration limit) {
        this.hook = new Thread(() -> {
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                return; // the console returned and the launcher is stopping it already
            }
            try {
                framework.stop();
                framework.waitForStop(limit.toMillis());
            } catch (BundleException | InterruptedException | RuntimeException e) {
                System.err.println("milkbottle: stopping on the signal failed: " + e);
            }
        }, "milkbottle-stop-on-signal");
    }

    /** Installs the hook for {@code framework} until {@link #remove()}. */
    static CleanStopOnSignal install(Framework framework, Duration limit) {
        CleanStopOnSignal stop = new CleanStopOnSignal(framework, limit);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Takes the hook away once the console returned: the launcher stops the framework itself. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending already: the hook is running or has run
        }
    }
}
