package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * What a start reports about a plugin's Declarative Services components, as Service Component Runtime describes
 * them: a component that threw in {@code @Activate} fails the start, one waiting for services or configuration is
 * a warning, an immediate one that never activates fails it at the limit. And how a failing activator is named.
 */
class BundleStarterComponentsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final AtomicInteger starts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private Bundle bundle(String fragmentHost, BundleException startFails) {
        Hashtable<String, String> headers = new Hashtable<>();
        if (fragmentHost != null) {
            headers.put("Fragment-Host", fragmentHost);
        }
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    case "getSymbolicName" -> "greeter";
                    case "getVersion" -> new Version(1, 2, 0);
                    case "getBundleId" -> 42L;
                    case "start" -> {
                        starts.incrementAndGet();
                        if (startFails != null) {
                            throw startFails;
                        }
                        yield null;
                    }
                    case "hashCode" -> 42;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ComponentDescriptionDTO component(String name, boolean immediate, String... pids) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.immediate = immediate;
        description.configurationPid = pids;
        return description;
    }

    private static ComponentConfigurationDTO configuration(int state) {
        ComponentConfigurationDTO configuration = new ComponentConfigurationDTO();
        configuration.state = state;
        configuration.unsatisfiedReferences = new UnsatisfiedReferenceDTO[0];
        return configuration;
    }

    /** A runtime describing the given components; those in {@code disabled} are switched off. */
    private static ServiceComponentRuntime scr(Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components,
            List<ComponentDescriptionDTO> disabled) {
        return (ServiceComponentRuntime) Proxy.newProxyInstance(ServiceComponentRuntime.class.getClassLoader(),
                new Class<?>[] {ServiceComponentRuntime.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getComponentDescriptionDTOs" -> new ArrayList<>(components.keySet());
                    case "isComponentEnabled" -> !disabled.contains(args[0]);
                    case "getComponentConfigurationDTOs" -> components.get(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private BundleStarter starter(ServiceComponentRuntime scr) {
        return new BundleStarter(executor, scr, new AbandonedBundles(null, Path.of("unused"), executor));
    }

    @Test
    void aComponentThatThrewInActivateFailsTheStartWithTheFirstLineOfItsFailure() {
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        failed.failure = "java.lang.IllegalStateException: no port configured\n\tat com.example.Greeter.activate";
        BundleStarter starter = starter(scr(Map.of(component("com.example.Greeter", true), List.of(failed)),
                List.of()));

        assertThatThrownBy(() -> starter.start(bundle(null, null), Duration.ofSeconds(5)))
                .isInstanceOf(PluginException.class)
                .hasMessage("greeter 1.2.0 failed to start: its component com.example.Greeter threw in @Activate: "
                        + "java.lang.IllegalStateException: no port configured");
    }

    @Test
    void aFailureWithoutDetailsSaysSo() {
        ComponentConfigurationDTO failed = configuration(ComponentConfigurationDTO.FAILED_ACTIVATION);
        BundleStarter starter = starter(scr(Map.of(component("c", false), List.of(failed)), List.of()));

        assertThatThrownBy(() -> starter.start(bundle(null, null), Duration.ofSeconds(5)))
                .hasMessageEndingWith("its component c threw in @Activate: (no details)");
    }

    @Test
    void componentsWaitingForServicesOrConfigurationAreWarningsAndDisabledOnesAreIgnored() {
        ComponentConfigurationDTO waitsForService = configuration(ComponentConfigurationDTO.UNSATISFIED_REFERENCE);
        UnsatisfiedReferenceDTO reference = new UnsatisfiedReferenceDTO();
        reference.name = "store";
        reference.target = "(type=sql)";
        waitsForService.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {reference};
        ComponentDescriptionDTO off = component("off", true);
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new java.util.LinkedHashMap<>();
        components.put(component("Repo", false), List.of(waitsForService));
        components.put(component("Config", false, "greeter.a", "greeter.b"),
                List.of(configuration(ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION)));
        components.put(component("Active", true), List.of(configuration(ComponentConfigurationDTO.ACTIVE)));
        components.put(component("Lazy", false), List.of()); // delayed: nothing to wait for
        components.put(off, List.of());

        List<String> warnings = starter(scr(components, List.of(off))).start(bundle(null, null),
                Duration.ofSeconds(5), true);

        assertThat(warnings).containsExactly(
                "greeter 1.2.0: component Repo waits for services: store ((type=sql))",
                "greeter 1.2.0: component Config waits for its configuration greeter.a, greeter.b");
        assertThat(starts).hasValue(1);
    }

    @Test
    void anImmediateComponentThatNeverActivatesFailsTheStartAtTheLimit() {
        Map<ComponentDescriptionDTO, List<ComponentConfigurationDTO>> components = new java.util.LinkedHashMap<>();
        components.put(component("Slow", true), List.of(configuration(ComponentConfigurationDTO.SATISFIED)));
        components.put(component("NotYet", true), List.of());
        BundleStarter starter = starter(scr(components, List.of()));

        long begin = System.nanoTime();
        assertThatThrownBy(() -> starter.start(bundle(null, null), Duration.ofMillis(200)))
                .isInstanceOf(PluginException.class)
                .hasMessage("greeter 1.2.0 did not finish starting: component(s) Slow, NotYet did not activate in "
                        + "time (an @Activate method that blocks?).");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anActivatorThatThrowsIsNamedWithEveryCause() {
        BundleException failure = new BundleException("Activator start error in bundle greeter [42].",
                new IllegalStateException("port 80 in use", new java.net.BindException("Address already in use")));
        BundleStarter starter = starter(null);

        assertThatThrownBy(() -> starter.start(bundle(null, failure), Duration.ofSeconds(5)))
                .isInstanceOf(PluginException.class)
                .hasMessage("greeter 1.2.0 failed to start: Activator start error in bundle greeter [42]. — caused by "
                        + "IllegalStateException: port 80 in use — caused by BindException: Address already in use");
    }

    @Test
    void aFragmentIsNotStarted() {
        assertThat(starter(null).start(bundle("host", null), Duration.ofSeconds(5))).isEmpty();
        assertThat(starts).hasValue(0);
    }

    @Test
    void limitsAreShownInWholeSecondsOrAsAFractionBelowOne() {
        assertThat(BundleStarter.seconds(Duration.ofMillis(1500))).isEqualTo("1");
        assertThat(BundleStarter.seconds(Duration.ofMillis(300))).isEqualTo("0.3");
        assertThat(BundleStarter.rootMessage(new RuntimeException((String) null))).isEqualTo("null");
    }
}
