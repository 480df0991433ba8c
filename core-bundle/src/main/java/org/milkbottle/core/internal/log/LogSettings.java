package org.milkbottle.core.internal.log;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The log's settings: what the configuration {@code org.milkbottle.log} sets, else the framework property
 * {@code milkbottle.log.KEY} (the distribution's {@code conf/milkbottle.properties}: settings an operator keeps in a
 * file, before any runtime ran), else the built-in default.
 */
final class LogSettings {

    static final String PREFIX = "milkbottle.log.";

    private LogSettings() {
    }

    /**
     * @param config what Declarative Services made of the configuration (defaults where it says nothing)
     * @param configured the component's properties: a key in them was configured
     * @param frameworkProperty the framework's properties
     */
    static LogConfig of(LogConfig config, Map<String, ?> configured, UnaryOperator<String> frameworkProperty) {
        return (LogConfig) Proxy.newProxyInstance(LogConfig.class.getClassLoader(), new Class<?>[] {LogConfig.class},
                (proxy, method, args) -> value(config, configured, frameworkProperty, method));
    }

    private static Object value(LogConfig config, Map<String, ?> configured, UnaryOperator<String> frameworkProperty,
            Method method) throws Throwable {
        Object own;
        try {
            own = method.invoke(config);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getDeclaringClass() != LogConfig.class || method.getParameterCount() > 0
                || configured.containsKey(method.getName())) {
            return own;
        }
        String property = frameworkProperty.apply(PREFIX + method.getName());
        if (property == null || property.isBlank()) {
            return own;
        }
        Class<?> type = method.getReturnType();
        try {
            if (type == int.class) {
                return Integer.parseInt(property.strip());
            } else if (type == String[].class) {
                return Arrays.stream(property.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                        .toArray(String[]::new);
            }
            return property.strip();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("framework property " + PREFIX + method.getName() + "=" + property
                    + " is not a whole number");
        }
    }
}
