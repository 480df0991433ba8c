package org.milkbottle.core.internal.health;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Liveness: the framework runs and is not stopping (a runtime that answers HTTP at all is otherwise alive). */
@Component(property = {HealthCheck.NAME + "=framework", HealthCheck.TAGS + "=" + RuntimeHealthChecks.LIVE})
public class FrameworkLivenessCheck implements HealthCheck {

    private final Bundle framework;

    @Activate
    public FrameworkLivenessCheck(BundleContext context) {
        this.framework = context.getBundle(0);
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (framework.getState() == Bundle.ACTIVE) {
            log.info("The framework is running.");
        } else {
            log.critical("The framework is {}.", RuntimeBundlesCheck.state(framework.getState()));
        }
        return new Result(log);
    }
}
