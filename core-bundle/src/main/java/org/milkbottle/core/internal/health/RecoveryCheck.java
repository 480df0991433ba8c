package org.milkbottle.core.internal.health;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.milkbottle.core.internal.PluginManagerImpl;
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

    private volatile Condition pluginsStarted;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.condition.id=" + PluginManagerImpl.PLUGINS_STARTED + ")")
    void bindPluginsStarted(Condition condition) {
        pluginsStarted = condition;
    }

    void unbindPluginsStarted(Condition condition) {
        pluginsStarted = null;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (pluginsStarted == null) {
            log.temporarilyUnavailable("The plugin manager is recovering or starting the plugins.");
        } else {
            log.info("Recovery done, plugins started.");
        }
        return new Result(log);
    }
}
