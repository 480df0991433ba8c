package org.milkbottle.core.internal.console;

import java.time.Duration;

/**
 * Makes sure the process ends after the console returned. The launcher stops the framework next, and
 * Felix waits without limit for a bundle whose start or stop never returns (a plugin that blocks): the
 * runtime would hang on exit. Past the limit the watchdog says so and halts the JVM with the console's
 * status; a clean stop ends the JVM first, and this daemon thread with it.
 */
final class ShutdownWatchdog {

    private ShutdownWatchdog() {
    }

    static void arm(int status, Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("milkbottle: the runtime did not stop within " + limit.toSeconds() + " s (a plugin "
                    + "whose start or stop never returns?); exiting anyway.");
            Runtime.getRuntime().halt(status);
        }, "milkbottle-shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
