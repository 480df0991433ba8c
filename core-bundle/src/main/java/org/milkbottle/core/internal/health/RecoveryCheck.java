package org.milkbottle.core.internal.health;

import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.milkbottle.core.internal.PluginsStarted;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.condition.Condition;

/**
 * Readiness: the plugin manager has finished its start — recovery of an interrupted transaction, the plugins
 * started behind the start gate. It says so with a condition service; until it is there, the runtime is not ready.
 */
@Component(property = {HealthCheck.NAME + "=recovery", HealthCheck.TAGS + "=" + RuntimeHealthChecks.READY})
public class RecoveryCheck implements HealthCheck {

    /** The condition's outcome ({@link PluginsStarted#OUTCOME}), or null while there is no condition. */
    private volatile String outcome;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.condition.id=" + PluginsStarted.ID + ")")
    void bindPluginsStarted(Condition condition, Map<String, Object> properties) {
        outcome = String.valueOf(properties.getOrDefault(PluginsStarted.OUTCOME, PluginsStarted.RECOVERED));
    }

    void unbindPluginsStarted(Condition condition) {
        outcome = null;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        String current = outcome;
        if (current == null) {
            log.temporarilyUnavailable("The plugin manager is recovering or starting the plugins.");
        } else if (current.equals(PluginsStarted.RECOVERED)) {
            log.info("Recovery done, plugins started.");
        } else {
            log.critical("{}", current);
        }
        return new Result(log);
    }
}
