package org.milkbottle.validation.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * One step of a plugin's configuration migration: how the configuration {@code pid} written for a version in
 * {@code from} moves to this version's schema. Declared in {@link ConfigMigrations#RESOURCE}; applied by
 * {@code mb:update} in the update's transaction, in the order declared, to an existing configuration only.
 *
 * @param pid      the configuration's PID
 * @param from     the installed versions it applies to, an OSGi version range, e.g. {@code [0.0.0,2.0.0)}
 * @param rename   old key to new key; the value moves unless the new key has one already
 * @param defaults key to value, set where the key has none (converted to its type in {@code types}, if named)
 * @param types    key to {@code String}, {@code Integer}, {@code Long}, {@code Double} or {@code Boolean}: the value
 *                 is converted; one that does not convert fails the update, which then changes nothing
 * @param remove   keys dropped
 * @since 1.7
 */
public record ConfigMigration(String pid, VersionRange from, Map<String, String> rename, Map<String, String> defaults,
        Map<String, String> types, List<String> remove) {

    /** The types a value can be converted to: those of Metatype's attributes that a shell user sets. */
    public static final List<String> TYPES = List.of("String", "Integer", "Long", "Double", "Boolean");

    public ConfigMigration {
        rename = Map.copyOf(rename);
        defaults = Map.copyOf(defaults);
        types = Map.copyOf(types);
        remove = List.copyOf(remove);
    }

    /** Whether it applies to a configuration written for {@code installed}. */
    public boolean appliesTo(Version installed) {
        return from.includes(installed);
    }

    /**
     * The properties after this step (renames, then defaults, then types, then removals); the input is not changed.
     *
     * @throws IllegalArgumentException for a value that does not convert to its type, saying which
     */
    public Map<String, Object> apply(Map<String, Object> properties) {
        Map<String, Object> result = new LinkedHashMap<>(properties);
        rename.forEach((oldKey, newKey) -> {
            if (result.containsKey(oldKey)) {
                Object value = result.remove(oldKey);
                result.putIfAbsent(newKey, value);
            }
        });
        defaults.forEach((key, value) -> result.putIfAbsent(key, value));
        List<String> problems = new ArrayList<>();
        types.forEach((key, type) -> {
            if (result.containsKey(key)) {
                try {
                    result.put(key, convert(result.get(key), type));
                } catch (IllegalArgumentException e) {
                    problems.add(pid + ": '" + key + "' = '" + result.get(key) + "' is not " + article(type) + " "
                            + type);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        remove.forEach(result::remove);
        return result;
    }

    private static Object convert(Object value, String type) {
        if (value == null || value.getClass().isArray() || value instanceof java.util.Collection) {
            throw new IllegalArgumentException("only single values are converted");
        }
        String text = value.toString().strip();
        return switch (type) {
            case "String" -> value.toString();
            case "Integer" -> value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue()
                    : Integer.valueOf(text);
            case "Long" -> value instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue()
                    : Long.valueOf(text);
            case "Double" -> value instanceof Number n ? n.doubleValue() : Double.valueOf(text);
            case "Boolean" -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(text);
                }
                yield Boolean.valueOf(text);
            }
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String article(String type) {
        return type.startsWith("I") ? "an" : "a";
    }
}
