package org.milkbottle.core.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.junit.jupiter.api.Test;
import org.osgi.service.condition.Condition;

class RecoveryCheckTest {

    @Test
    void notReadyUntilThePluginManagerSaysThePluginsHaveStarted() {
        RecoveryCheck check = new RecoveryCheck();
        Result starting = check.execute();
        assertThat(starting.getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
        assertThat(starting.iterator().next().getMessage()).contains("recovering");

        check.bindPluginsStarted(Condition.INSTANCE, Map.of("milkbottle.recovery", "recovered"));
        assertThat(check.execute().getStatus()).isEqualTo(Result.Status.OK);

        check.unbindPluginsStarted(Condition.INSTANCE); // the plugin manager restarts: recovery again
        assertThat(check.execute().getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);

        // recovery failed: commands run (the condition is there) but the runtime is not ready
        check.bindPluginsStarted(Condition.INSTANCE, Map.of("milkbottle.recovery", "Recovery failed, so no plugin "
                + "was started"));
        Result failed = check.execute();
        assertThat(failed.getStatus()).isEqualTo(Result.Status.CRITICAL);
        assertThat(failed.iterator().next().getMessage()).startsWith("Recovery failed");
    }
}
