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
        for (String pattern : List.of("/plugin/org.acme.web", "/plugin/org.acme.web/", "/plugin/org.acme.web/*",
                "/plugin/org.acme.web/a/b", "/plugin/org.acme.web/api/*")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN, pattern,
                    "osgi.http.whiteboard.servlet.name", "web")))).as(pattern).isEmpty();
        }
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                "osgi.http.whiteboard.resource.pattern", "/plugin/org.acme.web/static/*",
                "osgi.http.whiteboard.resource.prefix", "/static")))).isEmpty();
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN,
                "/plugin/org.acme.web/*", "osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE,
                "osgi.http.whiteboard.servlet.multipart.maxFileSize", 1024L)))).isEmpty();
    }

    @Test
    void aPathOutsideItsOwnNameIsRefusedNamingThePath() {
        for (String pattern : List.of("/api/*", "/", "/*", "*.json", "/org.acme.web/*", "/plugin/*",
                "/plugin/org.acme.webx/*", "/plugin/org.acme.web/../../api/*", "/plugin/org.acme.web/./x",
                "/plugin/org.acme.web//api", "/plugin/org.acme.web/%2e%2e/api", "/plugin/org.acme.web/*/x")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN, pattern))))
                    .as(pattern).hasValueSatisfying(reason -> assertThat(reason).contains(pattern)
                            .contains("serves only under /plugin/org.acme.web/"));
        }
        // a plugin named like a path of the runtime's does not get that path: its own is under /plugin/
        assertThat(WhiteboardConfinement.refusal(service(plugin("api", ""), Map.of(PATTERN, "/api/*")))).isPresent();
        assertThat(WhiteboardConfinement.refusal(service(plugin("app.js", ""), Map.of(PATTERN, "/app.js"))))
                .isPresent();
        // one bad path among good ones is enough
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN,
                new String[] {"/plugin/org.acme.web/*", "/repository/*"})))).isPresent();
    }

    @Test
    void everyOtherWhiteboardRoleIsRefusedEvenUnderItsOwnName() {
        for (String key : List.of("osgi.http.whiteboard.filter.pattern", "osgi.http.whiteboard.listener",
                "osgi.http.whiteboard.servlet.errorPage", "osgi.http.whiteboard.context.name",
                "osgi.http.whiteboard.context.path", "osgi.http.whiteboard.context.select",
                "osgi.http.whiteboard.preprocessor", "osgi.http.whiteboard.servlet.multipart.location",
                "osgi.http.whiteboard.a.property.of.a.later.spec")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                    PATTERN, "/plugin/org.acme.web/*", key, "/plugin/org.acme.web/*")))).as(key)
                    .hasValueSatisfying(reason -> assertThat(reason).contains(key));
        }
        assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(
                "osgi.http.whiteboard.servlet.name", "no pattern")))).isPresent();
    }

    /** The framework compares property keys ignoring case: so does the rule, and only the exact spelling passes. */
    @Test
    void aWhiteboardKeySpelledInAnotherCaseIsRefused() {
        for (String key : List.of("OSGI.HTTP.WHITEBOARD.FILTER.PATTERN", "Osgi.Http.Whiteboard.Servlet.Pattern",
                "osg\u0131.http.whiteboard.filter.pattern", "osgi.http.whiteboard.servlet.PATTERN")) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(key,
                    "/plugin/org.acme.web/*")))).as(key).hasValueSatisfying(reason -> assertThat(reason).contains(key));
        }
    }

    /** The web server reads the value it was given: one that can change after the check is refused. */
    @Test
    void aPatternThatIsNotASingleTextIsRefused() {
        for (Object value : List.of(new String[] {"/plugin/org.acme.web/*"}, List.of("/plugin/org.acme.web/*"),
                new StringBuilder("/plugin/org.acme.web/*"))) {
            assertThat(WhiteboardConfinement.refusal(service(plugin("org.acme.web", ""), Map.of(PATTERN, value))))
                    .as(value.getClass().getSimpleName()).hasValueSatisfying(reason -> assertThat(reason)
                            .contains(PATTERN, "one text a property"));
        }
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
                new String[] {"jakarta.servlet.Servlet"}, PATTERN, "/plugin/org.acme.web/*")))).isEmpty();
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
