package org.milkbottle.core.internal.install;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Raises the framework's start level, never once the framework has begun to stop. Felix handles start-level
 * requests one after the other on one thread, and its shutdown is one of them (level 0). A raise asked for after
 * the shutdown's request — the runtime's deferred start fired as a piped {@code mb:list} ended — ran after it,
 * while Felix closed the bundles: their starts failed with NullPointerExceptions and "Unable to resolve" printed on
 * the way out. Felix marks the framework STOPPING and sends the synchronous STOPPING event before it asks for level
 * 0; a raise takes the same lock as that event's listener, so it is either asked for before the shutdown's request
 * (and done before it) or not at all.
 */
public final class StartLevelRaise implements SynchronousBundleListener, AutoCloseable {

    private final BundleContext context;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private boolean frameworkStopping;

    /** Listens for the framework's stop from now until {@link #close()}. */
    public StartLevelRaise(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    /**
     * Asks Felix to raise the framework to {@code level} in the background, {@code listeners} told when it is done.
     *
     * @return false, and nothing asked, if the framework is stopping or stopped
     */
    public boolean raise(int level, FrameworkListener... listeners) {
        synchronized (lock) {
            if (frameworkStopping) {
                return false;
            }
            try {
                Bundle framework = context.getBundle(0);
                if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                    return false;
                }
                framework.adapt(FrameworkStartLevel.class).setStartLevel(level, listeners);
                return true;
            } catch (IllegalStateException contextGone) {
                return false; // our bundle has stopped, with the framework or before it
            }
        }
    }

    /** Whether the framework has begun to stop. */
    public boolean frameworkStopping() {
        synchronized (lock) {
            return frameworkStopping;
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
            synchronized (lock) {
                frameworkStopping = true;
            }
        }
    }

    @Override
    public void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException stopped) {
            // the bundle has stopped: its listeners went with it
        }
    }
}
