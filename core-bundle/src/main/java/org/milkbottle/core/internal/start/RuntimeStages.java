package org.milkbottle.core.internal.start;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.core.internal.install.StartLevelRaise;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The last stage of start-up: the runtime's bundles that the first prompt does not need (the embedded marketplace,
 * its web server and database, the repository client) sit at a start level above the plugins'
 * (bndrun/milkbottle.bndrun). Once the plugins have started (the plugin manager calls {@link #pluginsStarted()}),
 * the framework is raised to the highest level a runtime bundle has, in the background, at the first of: the shell
 * waits for input ({@link #shellIdle()}: the prompt is shown, or the commands piped in so far have run), a command
 * needs those bundles ({@link #awaitStarted}, which waits for them), or {@link #IDLE_FALLBACK} has passed
 * ({@value #IDLE_FALLBACK_PROPERTY} sets it). So the first prompt and the first command do not share the machine's
 * cores with starting a web server and a database.
 * Where every runtime bundle is at or below the framework's level already (a test container), there is nothing to
 * raise and the runtime counts as started at once.
 */
@Component(service = RuntimeStages.class)
public class RuntimeStages {

    private static final System.Logger LOG = System.getLogger(RuntimeStages.class.getName());

    /** How long the deferred bundles may take to start before commands stop waiting for them. */
    private static final Duration LEVEL_WAIT = Duration.ofSeconds(60);
    /** How long the service registry must be quiet for the deferred bundles' services to count as registered. */
    private static final Duration QUIET = Duration.ofMillis(150);
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);
    /** When the deferred bundles start at the latest after the plugins, if no shell and no command asked before. */
    static final Duration IDLE_FALLBACK = Duration.ofSeconds(2);
    /** The framework (or system) property that sets {@link #IDLE_FALLBACK} in seconds. */
    static final String IDLE_FALLBACK_PROPERTY = "milkbottle.deferredStartSeconds";

    private final BundleContext context;
    /** Never raises once the framework has begun to stop (a piped batch ends as the deferred start fires). */
    private final StartLevelRaise levels;
    private final CountDownLatch started = new CountDownLatch(1);
    /** The plugins have started: the deferred bundles may start. */
    private final AtomicBoolean pluginsUp = new AtomicBoolean();
    /** Something asked for the deferred bundles (the idle shell, a command) before the plugins had started. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean raising = new AtomicBoolean();
    private volatile Thread fallbackTimer;
    /** The component was deactivated (the runtime stops): nothing is raised any more. */
    private volatile boolean stopped;

    @Activate
    public RuntimeStages(BundleContext context) {
        this.context = context;
        this.levels = new StartLevelRaise(context);
    }

    /**
     * The plugins have started: the deferred bundles start now if the shell or a command already asked for them,
     * else when one does, and at the latest after {@link #IDLE_FALLBACK}.
     */
    public void pluginsStarted() {
        pluginsUp.set(true);
        if (wanted.get()) {
            raise();
            return;
        }
        Thread fallback = new Thread(() -> {
            try {
                Thread.sleep(idleFallback().toMillis());
            } catch (InterruptedException e) {
                return; // the runtime stops
            }
            raise();
        }, "milkbottle-deferred-start-timer");
        fallback.setDaemon(true);
        fallbackTimer = fallback;
        fallback.start();
    }

    @Deactivate
    void deactivate() {
        stopped = true;
        levels.close();
        Thread timer = fallbackTimer;
        if (timer != null) {
            timer.interrupt();
        }
    }

    /** The shell waits for its user's (or its pipe's) next command: a good moment to start the rest. */
    public void shellIdle() {
        want();
    }

    private void want() {
        wanted.set(true);
        if (pluginsUp.get()) {
            raise();
        }
    }

    /** Raises the framework's start level in the background, once. */
    private void raise() {
        if (stopped || !raising.compareAndSet(false, true)) {
            return;
        }
        int target = deferredLevel();
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        if (target <= framework.getStartLevel()) {
            started.countDown();
            return;
        }
        Thread raise = new Thread(() -> {
            AtomicLong lastServiceEvent = new AtomicLong(System.nanoTime());
            ServiceListener settling = event -> lastServiceEvent.set(System.nanoTime());
            CountDownLatch levelReached = new CountDownLatch(1);
            try {
                context.addServiceListener(settling);
                if (!levels.raise(target, event -> levelReached.countDown())) {
                    return; // the runtime stops: the deferred bundles are not to start now
                }
                if (!levelReached.await(LEVEL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "The marketplace and the repository client were still "
                            + "starting after " + LEVEL_WAIT.toSeconds() + " s; commands no longer wait for them.");
                }
                awaitQuiet(lastServiceEvent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Could not start the marketplace and the repository client ("
                        + e + "); the shell works without them. Restart the runtime to try again.", e);
            } finally {
                try {
                    context.removeServiceListener(settling);
                } catch (IllegalStateException stopping) {
                    // the bundle is stopping: its listeners are gone with it
                }
                started.countDown();
            }
        }, "milkbottle-deferred-start");
        raise.setDaemon(true);
        raise.start();
    }

    /**
     * Waits until no service has come or gone for {@link #QUIET}: the level is reached when every deferred bundle's
     * start returned, but Declarative Services may still be registering their components' services (a command, a
     * repository) a moment later, and a command run then would not find them.
     */
    private static void awaitQuiet(AtomicLong lastServiceEvent) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (System.nanoTime() - lastServiceEvent.get() < QUIET.toNanos() && System.nanoTime() < deadline) {
            Thread.sleep(QUIET.toMillis() / 3);
        }
    }

    /** Whether the framework has begun to stop (SIGTERM, the end of a batch, {@code stop 0}). */
    public boolean frameworkStopping() {
        return levels.frameworkStopping();
    }

    /** Whether the deferred runtime bundles have started (or there were none). */
    public boolean isStarted() {
        return started.getCount() == 0;
    }

    /**
     * Starts the deferred runtime bundles if they have not been started yet (once the plugins have started) and waits
     * until they have, at most {@code limit}.
     *
     * @return whether they have
     */
    public boolean awaitStarted(Duration limit) {
        if (started.getCount() == 0) {
            return true;
        }
        want();
        try {
            return started.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration idleFallback() {
        String seconds = context.getProperty(IDLE_FALLBACK_PROPERTY);
        if (seconds == null || seconds.isBlank()) {
            return IDLE_FALLBACK;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(seconds.trim())));
        } catch (NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, IDLE_FALLBACK_PROPERTY + "=" + seconds + " is not a number of seconds; "
                    + "the marketplace and the repository client start after " + IDLE_FALLBACK.toSeconds() + " s.");
            return IDLE_FALLBACK;
        }
    }

    /** The highest start level of a runtime bundle (not one MilkBottle installed, not the framework). */
    private int deferredLevel() {
        int level = 0;
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
            if (bundle.getBundleId() != 0 && !ManagedBundles.isManaged(bundle) && startLevel != null) {
                level = Math.max(level, startLevel.getStartLevel());
            }
        }
        return level;
    }
}
