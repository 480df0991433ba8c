package org.milkbottle.core.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginConfiguration;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginManager;

/** The shell's refusals of wrong arguments, and the calls the commands make on the plugin manager. */
class PluginCommandsArgumentsTest {

    private final List<String> calls = new ArrayList<>();
    private final InstallResult restored = new InstallResult(7, new InstallPlan(List.of(), List.of()),
            List.of(new PluginInfo(3, "hello", "Hello", "1.0.0", "ACTIVE", "OK", "hello.jar", "plugin")), List.of());

    private final PluginManager manager = (PluginManager) Proxy.newProxyInstance(PluginManager.class.getClassLoader(),
            new Class<?>[] {PluginManager.class}, (proxy, method, args) -> switch (method.getName()) {
                case "outdated" -> {
                    calls.add("outdated");
                    yield List.of();
                }
                case "rollback" -> {
                    calls.add("rollback " + args[0]);
                    yield restored;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final PluginConfiguration configuration = (PluginConfiguration) Proxy.newProxyInstance(
            PluginConfiguration.class.getClassLoader(), new Class<?>[] {PluginConfiguration.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "schemas" -> List.of();
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private final PluginCommands commands = new PluginCommands(manager, (PluginHealth) Proxy.newProxyInstance(
            PluginHealth.class.getClassLoader(), new Class<?>[] {PluginHealth.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            }), configuration);

    @Test
    void updateAllTakesNoNameAndSaysWhenEverythingIsUpToDate() {
        assertThatThrownBy(() -> commands.update(true, false, false, "hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mb:update --all takes no plugin name.");
        assertThat(calls).isEmpty();

        assertThat(commands.update(true, false, false)).isEqualTo("Every plugin installed by name is up to date.\n");
        assertThat(calls).containsExactly("outdated");
    }

    @Test
    void updateNeedsANameAndAtMostASource() {
        assertThatThrownBy(() -> commands.update(false, false, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usage: mb:update NAME [SOURCE] | mb:update --all [--simulate]");
        assertThatThrownBy(() -> commands.update(false, false, false, "hello", "a.jar", "b.jar"))
                .hasMessage("usage: mb:update NAME [SOURCE] | mb:update --all [--simulate]");
        assertThat(calls).isEmpty();
    }

    @Test
    void rollbackToATransactionNamesWhatWasRestoredAndHowToUndoIt() {
        String text = commands.rollback(5L);
        assertThat(calls).containsExactly("rollback " + Optional.of(5L));
        assertThat(text).contains("Restored hello 1.0.0: ACTIVE\n")
                .endsWith("Transaction #7 (undo with mb:rollback 7)\n");
    }

    @Test
    void aPluginWithoutSchemaSaysSo() {
        assertThat(commands.config("hello")).isEqualTo("hello has no configuration schema.\n");
    }
}
