package org.milkbottle.validation.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.milkbottle.validation.api.Permissions;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * What a plugin may offer the runtime's HTTP whiteboard: servlets and static resources under a path of its own,
 * {@code /plugin/SYMBOLIC-NAME/…}, in the default context. Everything else a whiteboard service can be — a filter, a
 * listener, an error page, a servlet context (helper), a preprocessor, a servlet at another path — sees or answers
 * requests meant for the runtime (the marketplace's publishing tokens, its signed index) and is refused.
 *
 * <p>The rule is an allow-list, so it holds for whiteboard properties this code has never heard of: a service
 * counts as a whiteboard service as soon as one of its properties starts with {@code osgi.http.whiteboard.} or one
 * of its types is in a whiteboard or servlet-context package (a preprocessor is taken by its type alone); it is
 * served only if it has no such type, every such property is one named here and every path it claims lies under
 * its bundle's symbolic name. A plugin that declares {@code framework} (only a trusted signer's can) is not
 * confined.
 */
final class WhiteboardConfinement {

    static final String PREFIX = "osgi.http.whiteboard.";
    /**
     * Where plugins serve, each under its symbolic name: a folder of the URL space the runtime never serves from
     * itself. Not the plugin's name alone at the top: a plugin named {@code api} would have served {@code /api/*},
     * one named {@code app.js} the marketplace page's script.
     */
    static final String PLUGIN_PATHS = "/plugin/";
    private static final String SERVLET_PATTERN = PREFIX + "servlet.pattern";
    private static final String RESOURCE_PATTERN = PREFIX + "resource.pattern";

    /**
     * The whiteboard properties a confined service may carry. Not {@code servlet.multipart.location} (the whiteboard
     * would write uploads into any folder the plugin names), nor anything that selects a context or a dispatcher.
     */
    private static final Set<String> ALLOWED = Set.of(SERVLET_PATTERN, RESOURCE_PATTERN, PREFIX + "resource.prefix",
            PREFIX + "servlet.name", PREFIX + "servlet.asyncSupported", PREFIX + "servlet.multipart.enabled",
            PREFIX + "servlet.multipart.fileSizeThreshold", PREFIX + "servlet.multipart.maxFileSize",
            PREFIX + "servlet.multipart.maxRequestSize", PREFIX + "target");

    /**
     * The packages of the whiteboard's own service types. A {@code Preprocessor} is taken by its type alone, with no
     * whiteboard property, and sees every request before it is dispatched; a servlet or a resource is never one.
     */
    private static final List<String> WHITEBOARD_TYPES = List.of("org.osgi.service.servlet.whiteboard.",
            "org.osgi.service.servlet.context.", "org.osgi.service.http.whiteboard.", "org.osgi.service.http.context.");

    /** A path segment after the plugin's name: no {@code .} or {@code ..}, nothing a URL would have to escape. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_~-][A-Za-z0-9._~-]*");

    private WhiteboardConfinement() {
    }

    /** Whether {@code bundle}'s whiteboard services are confined: it is held to the policy without {@code framework}. */
    static boolean confines(Bundle bundle) {
        return bundle != null && WiringPolicy.heldToPolicy(bundle)
                && !WiringPolicy.declares(bundle, Permissions.FRAMEWORK);
    }

    /** Whether {@code reference} is a whiteboard service of a confined plugin, within the rule or not. */
    static boolean isConfinedWhiteboardService(ServiceReference<?> reference) {
        return isWhiteboardService(reference) && confines(reference.getBundle());
    }

    private static boolean isWhiteboardService(ServiceReference<?> reference) {
        if (whiteboardType(reference.getProperty(Constants.OBJECTCLASS)).isPresent()) {
            return true;
        }
        for (String key : reference.getPropertyKeys()) {
            if (isWhiteboardKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** Why the whiteboard must not see {@code reference}; empty when it may (not confined, or within the rule). */
    static Optional<String> refusal(ServiceReference<?> reference) {
        // every service lookup and event passes here: the registrar's headers are read only for whiteboard services
        Bundle registrar = reference.getBundle();
        if (!isWhiteboardService(reference) || !confines(registrar)) {
            return Optional.empty();
        }
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return refusal(registrar.getSymbolicName(), properties);
    }

    /**
     * Why the whiteboard must not serve a confined plugin's service with these {@code properties} ({@code objectClass}
     * included), {@code symbolicName} being the plugin's; empty when it may, or when it is no whiteboard service.
     */
    static Optional<String> refusal(String symbolicName, Map<String, Object> properties) {
        List<String> whiteboardKeys = properties.keySet().stream().filter(WhiteboardConfinement::isWhiteboardKey)
                .sorted().toList();
        Optional<String> whiteboardType = whiteboardType(properties.get(Constants.OBJECTCLASS));
        if (whiteboardType.isPresent()) {
            return Optional.of("it is a " + whiteboardType.get() + "; a plugin offers the HTTP whiteboard servlets and "
                    + "resources only (no filters, listeners, error pages, contexts or preprocessors)");
        }
        if (whiteboardKeys.isEmpty()) {
            return Optional.empty();
        }
        for (String key : whiteboardKeys) {
            if (!ALLOWED.contains(key)) {
                return Optional.of("it has the property " + key + "; a plugin offers the HTTP whiteboard servlets "
                        + "and resources only (no filters, listeners, error pages, contexts or preprocessors)");
            }
            Object value = properties.get(key);
            if (!(value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long)) {
                // the web server reads the value it was given, not a copy: an array or a collection could say one
                // path when checked and another when served
                return Optional.of("its property " + key + " is " + (value == null ? "null" : "a "
                        + value.getClass().getSimpleName()) + "; a plugin gives the web server one text a property "
                        + "(one pattern a servlet: register another for another path)");
            }
        }
        List<String> patterns = new ArrayList<>(values(properties.get(SERVLET_PATTERN)));
        patterns.addAll(values(properties.get(RESOURCE_PATTERN)));
        if (patterns.isEmpty()) {
            return Optional.of("it names no servlet or resource pattern");
        }
        String own = PLUGIN_PATHS + symbolicName;
        for (String pattern : patterns) {
            if (!isUnder(pattern, own)) {
                return Optional.of("it claims the path " + pattern + "; a plugin serves only under " + own + "/");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the framework takes {@code key} for a whiteboard property: it compares keys ignoring case (and folds
     * letters such as a dotless {@code ı} as {@link String#regionMatches(boolean, int, String, int, int)} does), so a
     * key spelled {@code OSGI.HTTP.WHITEBOARD.FILTER.PATTERN} is one, and is refused unless spelled as allowed.
     */
    static boolean isWhiteboardKey(String key) {
        return key.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    private static Optional<String> whiteboardType(Object objectClass) {
        for (String type : values(objectClass)) {
            if (WHITEBOARD_TYPES.stream().anyMatch(type::startsWith)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** {@code OWN}, {@code OWN/}, {@code OWN/*}, {@code OWN/a/b} or {@code OWN/a/*}, {@code OWN} being {@code /plugin/NAME}. */
    static boolean isUnder(String pattern, String own) {
        if (pattern.equals(own) || pattern.equals(own + "/") || pattern.equals(own + "/*")) {
            return true;
        }
        if (!pattern.startsWith(own + "/")) {
            return false;
        }
        String[] segments = pattern.substring(own.length() + 1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean lastWildcard = i == segments.length - 1 && segments[i].equals("*");
            if (!lastWildcard && !SEGMENT.matcher(segments[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(Object property) {
        List<String> values = new ArrayList<>();
        if (property instanceof String text) {
            values.add(text);
        } else if (property instanceof String[] texts) {
            values.addAll(List.of(texts));
        } else if (property instanceof Collection<?> items) {
            items.forEach(item -> values.add(String.valueOf(item)));
        } else if (property != null) {
            values.add(String.valueOf(property)); // not a text: never a plugin's path, so refused
        }
        return values;
    }
}
