package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Keeps every plugin from starting before the plugin manager has recovered. Plugins live one start level above
 * the runtime's own bundles; the framework starts at the runtime's level, so at launch Felix starts nothing that
 * MilkBottle installed, whatever the framework cache remembers (a crash in the middle of a transaction leaves
 * uncommitted versions marked as started). Only when recovery has put the committed state back does the plugin
 * manager raise the framework's level, and Felix starts the plugins the committed state marks as started.
 * This holds by construction: no flag or path of a plugin can start it while the gate is closed.
 */
public final class StartGate {

    private static final System.Logger LOG = System.getLogger(StartGate.class.getName());

    private final BundleContext context;
    private final int pluginLevel;

    /** @param context the plugin manager's bundle context: plugins go one level above its bundle */
    public StartGate(BundleContext context) {
        this.context = context;
        this.pluginLevel = context.getBundle().adapt(BundleStartLevel.class).getStartLevel() + 1;
    }

    /** The start level of plugins. */
    public int pluginLevel() {
        return pluginLevel;
    }

    /** Whether plugins can start now (the framework runs at their level or above). */
    public boolean isOpen() {
        return frameworkLevel().getStartLevel() >= pluginLevel;
    }

    /** Puts {@code bundle} at the plugins' level, behind the gate. */
    public void place(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        if (level != null && level.getStartLevel() != pluginLevel) {
            level.setStartLevel(pluginLevel);
        }
    }

    /**
     * Opens the gate: raises the framework to the plugins' level, which starts those marked as started, and waits
     * (at most {@code wait}) for Felix to finish, so that a command run right after start-up sees them started.
     */
    public void open(Duration wait) {
        if (isOpen() || pluginLevel - 1 > beginningLevel()) {
            // the runtime's bundles sit above the framework's beginning level: whoever launched the framework (a
            // test container) raises the level itself, past the plugins'; a request of ours could undo its jump
            return;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try (StartLevelRaise levels = new StartLevelRaise(context)) {
            // Felix raises the framework to its beginning level while it starts; a request made before it is done
            // can race with that climb and be lost (seen: no STARTLEVEL_CHANGED in half the starts). A launcher that
            // assigns the runtime's start levels after the framework started (bnd's did) says when it is done with
            // launcher.ready; the gate waits for that too
            while ((context.getBundle(0).getState() != Bundle.ACTIVE || !launcherReady())
                    && !levels.frameworkStopping() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            CountDownLatch done = new CountDownLatch(1);
            if (!levels.raise(pluginLevel, event -> {
                if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                    done.countDown();
                }
            })) {
                return; // the framework stops (or never started): no plugin is to start now
            }
            // a stop (SIGTERM) during the climb: Felix moves on to its shutdown and never says the level was reached;
            // waiting on would hold up the plugin manager's deactivation, and with it the stop, for a minute
            while (!done.await(50, TimeUnit.MILLISECONDS)) {
                if (levels.frameworkStopping()) {
                    return;
                }
                if (System.nanoTime() - deadline > 0) {
                    if (!isOpen()) {
                        LOG.log(System.Logger.Level.WARNING, "The plugins were still starting after "
                                + wait.toSeconds() + " s; MilkBottle goes on, and they start when their activators "
                                + "return.");
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the launcher, if one launched the framework, has finished starting its bundles: it registers the
     * command line as a service and adds {@code launcher.ready=true} to it when it is done (MilkBottle's launcher
     * does both before the framework starts; bnd's, which it follows, after).
     */
    private boolean launcherReady() {
        try {
            ServiceReference<?>[] launchers = context.getServiceReferences((String) null, "(launcher.arguments=*)");
            return launchers == null
                    || Arrays.stream(launchers).anyMatch(l -> "true".equals(String.valueOf(l.getProperty("launcher.ready"))));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int beginningLevel() {
        String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
        try {
            return beginning == null ? 1 : Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private FrameworkStartLevel frameworkLevel() {
        return context.getBundle(0).adapt(FrameworkStartLevel.class);
    }
}
