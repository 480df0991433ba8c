package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.validation.api.ManagedLocation;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

class WhiteboardConfinementTest {

    private static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";

    @Test
    void aPluginsServletUnderItsOwnNameIsServed() {
        for (String pattern : List.of("/org.acme.web", "/org.acme.web/", "/org.acme.web/*", "/org.acme.web/a/b",
                "/org.acme.web/api/*")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN, pattern,
                    "osgi.http.whiteboard.servlet.name", "web")))).as(pattern).isEmpty();
        }
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                "osgi.http.whiteboard.resource.pattern", new String[] {"/org.acme.web/static/*"},
                "osgi.http.whiteboard.resource.prefix", "/static")))).isEmpty();
    }

    @Test
    void aPathOutsideItsOwnNameIsRefusedNamingThePath() {
        for (String pattern : List.of("/api/*", "/", "/*", "*.json", "/org.acme.webx/*", "/org.acme.web/../api/*",
                "/org.acme.web/./x", "/org.acme.web//api", "/org.acme.web/%2e%2e/api", "/org.acme.web/*/x")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN, pattern))))
                    .as(pattern).hasValueSatisfying(reason -> assertThat(reason).contains(pattern)
                            .contains("serves only under /org.acme.web/"));
        }
        // one bad path among good ones is enough
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN,
                new String[] {"/org.acme.web/*", "/repository/*"})))).isPresent();
    }

    @Test
    void everyOtherWhiteboardRoleIsRefusedEvenUnderItsOwnName() {
        for (String key : List.of("osgi.http.whiteboard.filter.pattern", "osgi.http.whiteboard.listener",
                "osgi.http.whiteboard.servlet.errorPage", "osgi.http.whiteboard.context.name",
                "osgi.http.whiteboard.context.path", "osgi.http.whiteboard.context.select",
                "osgi.http.whiteboard.preprocessor", "osgi.http.whiteboard.servlet.multipart.location",
                "osgi.http.whiteboard.a.property.of.a.later.spec")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                    PATTERN, "/org.acme.web/*", key, "/org.acme.web/*")))).as(key)
                    .hasValueSatisfying(reason -> assertThat(reason).contains(key));
        }
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                "osgi.http.whiteboard.servlet.name", "no pattern")))).isPresent();
    }

    /** A preprocessor is taken by the whiteboard by its type alone, and sees every request first. */
    @Test
    void aServiceOfAWhiteboardTypeIsRefusedWithoutAnyWhiteboardProperty() {
        for (String type : List.of("org.osgi.service.servlet.whiteboard.Preprocessor",
                "org.osgi.service.http.whiteboard.Preprocessor", "org.osgi.service.servlet.context.ServletContextHelper",
                "org.osgi.service.http.context.ServletContextHelper")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of("objectClass",
                    new String[] {"jakarta.servlet.Filter", type})))).as(type)
                    .hasValueSatisfying(reason -> assertThat(reason).contains(type));
        }
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of("objectClass",
                new String[] {"jakarta.servlet.Servlet"}, PATTERN, "/org.acme.web/*")))).isEmpty();
    }

    @Test
    void theRuntimeATrustedFrameworkPluginAndServicesOutsideTheWhiteboardAreLeftAlone() {
        Bundle runtime = bundle("org.milkbottle.marketplace", "reference:file:/runtime/marketplace.jar", Map.of());
        assertThat(WhiteboardConfinement.refusal(service(runtime, Map.of("osgi.http.whiteboard.filter.pattern", "/*"))))
                .isEmpty();
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.admin", "framework"), Map.of(PATTERN,
                "/api/*")))).isEmpty();
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of("service.ranking", 5,
                "objectClass", new String[] {"jakarta.servlet.Filter"})))).isEmpty();
        assertThat(WhiteboardConfinement.refusal(service(runtime, Map.of("objectClass",
                new String[] {"org.osgi.service.servlet.whiteboard.Preprocessor"})))).isEmpty();
    }

    private static Bundle plugin(String name, String permissions) {
        Hashtable<String, String> headers = new Hashtable<>(Map.of("Require-Capability",
                "milkbottle.runtime;filter:=\"(milkbottle.runtime=milkbottle)\""));
        if (!permissions.isEmpty()) {
            headers.put("MilkBottle-Permissions", permissions);
        }
        return bundle(name, ManagedLocation.PREFIX + name, headers);
    }

    private static Bundle bundle(String name, String location, Map<String, String> headers) {
        Hashtable<String, String> dictionary = new Hashtable<>(headers);
        return (Bundle) Proxy.newProxyInstance(WhiteboardConfinementTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> name;
                    case "getLocation" -> location;
                    case "getHeaders" -> dictionary;
                    case "toString" -> name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> service(Bundle registrar, Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(WhiteboardConfinementTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> registrar;
                    case "getPropertyKeys" -> properties.keySet().toArray(String[]::new);
                    case "getProperty" -> properties.get((String) args[0]);
                    case "toString" -> "service " + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
