package org.milkbottle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/** How {@code mb:info} names a bundle's requirements, states and shell commands. */
class PluginLookupDescriptionsTest {

    @Test
    void eachRequirementKindIsDescribedInWordsWithItsRange() {
        assertThat(PluginLookup.describe("osgi.wiring.package",
                "(&(osgi.wiring.package=org.slf4j)(version>=1.7.0)(!(version>=3.0.0)))"))
                .isEqualTo("package org.slf4j [1.7.0,3.0.0)");
        assertThat(PluginLookup.describe("osgi.wiring.bundle",
                "(&(osgi.wiring.bundle=com.example.lib)(bundle-version>=2.0.0))"))
                .isEqualTo("bundle com.example.lib 2.0.0");
        assertThat(PluginLookup.describe("milkbottle.runtime",
                "(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))"))
                .isEqualTo("MilkBottle runtime [1.0,2.0)");
        assertThat(PluginLookup.describe("osgi.extender",
                "(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))"))
                .isEqualTo("extender osgi.component [1.5.0,2.0.0)");
        assertThat(PluginLookup.describe("osgi.service", "(objectClass=org.osgi.service.log.LogService)"))
                .isEqualTo("service org.osgi.service.log.LogService");
        assertThat(PluginLookup.describe("osgi.wiring.package", "(osgi.wiring.package=org.any)"))
                .isEqualTo("package org.any any version");
        assertThat(PluginLookup.describe("com.example.cap", "(color=blue)")).isEqualTo("com.example.cap (color=blue)");
        assertThat(PluginLookup.describe("com.example.cap", null)).isEqualTo("com.example.cap");
    }

    @Test
    void everyBundleStateHasItsName() {
        assertThat(List.of(Bundle.INSTALLED, Bundle.RESOLVED, Bundle.STARTING, Bundle.STOPPING, Bundle.ACTIVE,
                Bundle.UNINSTALLED).stream().map(s -> PluginLookup.state(bundle(s, null))).toList())
                .containsExactly("INSTALLED", "RESOLVED", "STARTING", "STOPPING", "ACTIVE", "UNINSTALLED");
    }

    @Test
    void commandsAreListedAsScopeColonFunctionSortedAndOnce() {
        ServiceReference<?>[] services = {
                service(Map.of("osgi.command.scope", "hello", "osgi.command.function", new String[] {"greet", "bye"})),
                service(Map.of("osgi.command.scope", "hello", "osgi.command.function", List.of("greet", "count"))),
                service(Map.of("osgi.command.scope", "admin", "osgi.command.function", "reset")),
                service(Map.of("osgi.command.scope", "hello")), // no functions: not a command
                service(Map.of("service.ranking", 3)) };
        assertThat(PluginLookup.commands(bundle(Bundle.ACTIVE, services)))
                .containsExactly("admin:reset", "hello:bye", "hello:count", "hello:greet");
        assertThat(PluginLookup.commands(bundle(Bundle.RESOLVED, null))).isEmpty();
    }

    private static Bundle bundle(int state, ServiceReference<?>[] services) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> state;
                    case "getRegisteredServices" -> services;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> service(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
