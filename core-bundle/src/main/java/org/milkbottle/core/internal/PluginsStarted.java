package org.milkbottle.core.internal;

import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * The condition the plugin manager registers once recovery is over and the committed plugins were started (or
 * recovery failed and none was): the console runs commands only then, and readiness reads its outcome.
 */
public final class PluginsStarted {

    /** The condition's {@code osgi.condition.id}. */
    public static final String ID = "milkbottle.plugins.started";
    /** The condition's property: {@link #RECOVERED}, or why recovery failed. */
    public static final String OUTCOME = "milkbottle.recovery";
    public static final String RECOVERED = "recovered";

    private PluginsStarted() {
    }

    /** Registers the condition with {@code outcome}; null when the bundle is stopping (nobody is left to wait). */
    static ServiceRegistration<Condition> register(BundleContext context, String outcome) {
        try {
            return context.registerService(Condition.class, Condition.INSTANCE,
                    FrameworkUtil.asDictionary(Map.of(Condition.CONDITION_ID, ID, OUTCOME, outcome)));
        } catch (IllegalStateException stopping) {
            return null;
        }
    }
}
