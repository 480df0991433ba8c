package org.milkbottle.core.internal.install;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Starts a bundle and waits until it is really up: its activator returned within the time limit and
 * none of its Declarative Services components failed to activate. An activator that blocks is
 * interrupted when the limit passes; one that does not return even then is abandoned (see
 * {@link AbandonedBundles}), because nothing else may touch the bundle while Felix waits for it.
 */
public final class BundleStarter {

    private final ExecutorService executor;
    private final ServiceComponentRuntime scr;
    private final AbandonedBundles abandoned;

    public BundleStarter(ExecutorService executor, ServiceComponentRuntime scr, AbandonedBundles abandoned) {
        this.executor = executor;
        this.scr = scr;
        this.abandoned = abandoned;
    }

    /**
     * Starts {@code bundle} and waits for its components.
     *
     * @return warnings (e.g. a component waiting for a service)
     * @throws PluginException when it fails or does not finish in time
     */
    public List<String> start(Bundle bundle, Duration timeout) {
        return start(bundle, timeout, false);
    }

    /**
     * Starts {@code bundle}; with {@code transientStart} the framework does not remember it as started, so
     * a crash before the transaction commits does not start it again at the next launch.
     */
    public List<String> start(Bundle bundle, Duration timeout, boolean transientStart) {
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return List.of();
        }
        abandoned.refuse(bundle);
        long deadline = System.nanoTime() + timeout.toNanos();
        String label = label(bundle);
        BoundedBundleCall.Outcome outcome;
        try {
            outcome = BoundedBundleCall.run(executor, () -> bundle.start(transientStart ? Bundle.START_TRANSIENT : 0),
                    timeout, label);
        } catch (BundleException | RuntimeException e) {
            throw new PluginException(label + " failed to start: " + rootMessage(e), e);
        }
        switch (outcome) {
            case STILL_RUNNING -> {
                abandoned.abandon(bundle, "its start did not return");
                throw new PluginException(label + " did not finish starting within " + seconds(timeout)
                        + " s and does not return even when interrupted (its activator, or a component activated"
                        + " during its start, blocks). MilkBottle abandoned it: it is not recorded as installed,"
                        + " requests that name it are refused, and it is uninstalled as soon as Felix lets go of it"
                        + " (or at the next start of the runtime). Fix the plugin so that start-up returns promptly"
                        + " (do long work on a thread of its own).");
            }
            case FINISHED_WHEN_INTERRUPTED -> throw new PluginException(label + " did not finish starting within "
                    + seconds(timeout) + " s: its activator blocked and was interrupted. Fix the plugin so that"
                    + " start-up returns promptly (do long work on a thread of its own).");
            case FINISHED -> { }
        }
        return awaitComponents(bundle, label, deadline);
    }

    private List<String> awaitComponents(Bundle bundle, String label, long deadline) {
        if (scr == null) {
            return List.of();
        }
        while (true) {
            List<String> pending = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                var configurations = scr.getComponentConfigurationDTOs(description);
                if (configurations.isEmpty() && description.immediate) {
                    pending.add(description.name);
                }
                for (ComponentConfigurationDTO configuration : configurations) {
                    switch (configuration.state) {
                        case ComponentConfigurationDTO.FAILED_ACTIVATION -> throw new PluginException(label
                                + " failed to start: its component " + description.name + " threw in @Activate: "
                                + firstLine(configuration.failure));
                        case ComponentConfigurationDTO.SATISFIED -> {
                            if (description.immediate) {
                                pending.add(description.name);
                            }
                        }
                        case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> warnings.add(label + ": component "
                                + description.name + " waits for services: " + unsatisfied(configuration));
                        case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> warnings.add(label
                                + ": component " + description.name + " waits for its configuration "
                                + String.join(", ", description.configurationPid));
                        default -> { }
                    }
                }
            }
            if (pending.isEmpty()) {
                return warnings;
            }
            if (System.nanoTime() > deadline) {
                throw new PluginException(label + " did not finish starting: component(s) " + String.join(", ", pending)
                        + " did not activate in time (an @Activate method that blocks?).");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PluginException("Interrupted while waiting for " + label, e);
            }
        }
    }

    private static String unsatisfied(ComponentConfigurationDTO configuration) {
        List<String> names = new ArrayList<>();
        for (var reference : configuration.unsatisfiedReferences) {
            names.add(reference.name + " (" + reference.target + ")");
        }
        return String.join(", ", names);
    }

    /** Whole seconds, as users set them; a fraction only when the limit is below one second. */
    static String seconds(Duration limit) {
        return limit.toMillis() >= 1000 ? String.valueOf(limit.toSeconds()) : String.valueOf(limit.toMillis() / 1000.0);
    }

    static String label(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    static String rootMessage(Throwable error) {
        Throwable cause = error;
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(" — caused by ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no details)";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }
}
