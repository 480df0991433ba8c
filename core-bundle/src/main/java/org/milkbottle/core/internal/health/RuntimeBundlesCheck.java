package org.milkbottle.core.internal.health;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Readiness: every bundle of the runtime itself (not a plugin) is ACTIVE — a fragment RESOLVED — once the runtime's
 * last start stage has run; until then the runtime is still starting.
 */
@Component(property = {HealthCheck.NAME + "=runtime bundles", HealthCheck.TAGS + "=" + RuntimeHealthChecks.READY})
public class RuntimeBundlesCheck implements HealthCheck {

    private final BundleContext context;
    private final RuntimeStages stages;

    @Activate
    public RuntimeBundlesCheck(BundleContext context, @Reference RuntimeStages stages) {
        this.context = context;
        this.stages = stages;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (!stages.isStarted()) {
            log.temporarilyUnavailable("The runtime is still starting its marketplace and repository client.");
            return new Result(log);
        }
        List<String> inactive = new ArrayList<>();
        int runtimeBundles = 0;
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() == 0 || ManagedBundles.isManaged(bundle)) {
                continue;
            }
            runtimeBundles++;
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (bundle.getState() != expected) {
                inactive.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + state(bundle.getState())
                        + ")");
            }
        }
        if (inactive.isEmpty()) {
            log.info("All {} runtime bundles are active.", runtimeBundles);
        } else {
            log.critical("Runtime bundles not active: {}. Start them (felix:start ID) or restart the runtime; the log "
                    + "says why one stopped (mb:log).", String.join(", ", inactive));
        }
        return new Result(log);
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
