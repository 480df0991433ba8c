package org.milkbottle.core.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

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

        check.bindPluginsStarted(Condition.INSTANCE);
        assertThat(check.execute().getStatus()).isEqualTo(Result.Status.OK);

        check.unbindPluginsStarted(Condition.INSTANCE); // the plugin manager restarts: recovery again
        assertThat(check.execute().getStatus()).isEqualTo(Result.Status.TEMPORARILY_UNAVAILABLE);
    }
}
