package org.milkbottle.core.internal.console;

import java.time.Duration;

/**
 * Makes sure the process ends after the console returned. The launcher stops the framework next, and
 * Felix waits without limit for a bundle whose start or stop never returns (a plugin that blocks): the
 * runtime would hang on exit. Past the limit the watchdog says so and halts the JVM with the console's
 * status; a clean stop ends the JVM first, and this daemon thread with it.
 * <p>
 * It is made while the runtime runs and only started at the end: a headless runtime's console returns after the
 * framework has stopped, when the core bundle's classes can no longer be loaded (a SIGTERM printed "the console
 * failed: NoClassDefFoundError: ShutdownWatchdog").
 */
final class ShutdownWatchdog {

    private final Thread thread;
    private volatile int status;

    ShutdownWatchdog(Duration limit) {
        String message = "milkbottle: the runtime did not stop within " + limit.toSeconds() + " s (a plugin whose start "
                + "or stop never returns?); exiting anyway.";
        long millis = limit.toMillis();
        this.thread = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(message);
            Runtime.getRuntime().halt(status);
        }, "milkbottle-shutdown-watchdog");
        thread.setDaemon(true);
    }

    /** Starts the countdown; the JVM halts with {@code exitStatus} if it is still running at its end. */
    void arm(int exitStatus) {
        this.status = exitStatus;
        thread.start();
    }
}
