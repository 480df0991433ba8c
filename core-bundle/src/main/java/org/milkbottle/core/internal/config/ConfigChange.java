package org.milkbottle.core.internal.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration's values before and after a transaction changed them (a migration, or a rollback putting
 * values back), kept so that the change can be undone. Values are stored with their type, so that an Integer
 * comes back an Integer.
 *
 * @param pid    the configuration
 * @param before its values before, each {@code [type, value...]}
 * @param after  its values after, likewise
 */
public record ConfigChange(String pid, Map<String, List<String>> before, Map<String, List<String>> after) {

    /** A change from live values (as ConfigurationAdmin has them) to others. */
    public static ConfigChange of(String pid, Map<String, Object> before, Map<String, Object> after) {
        return new ConfigChange(pid, encode(before), encode(after));
    }

    /** The same change the other way round: what undoing it does. */
    public ConfigChange reversed() {
        return new ConfigChange(pid, after, before);
    }

    public Map<String, Object> beforeValues() {
        return decode(before);
    }

    public Map<String, Object> afterValues() {
        return decode(after);
    }

    private static Map<String, List<String>> encode(Map<String, Object> values) {
        Map<String, List<String>> encoded = new LinkedHashMap<>();
        values.forEach((key, value) -> encoded.put(key, TypedValue.encode(value)));
        return encoded;
    }

    private static Map<String, Object> decode(Map<String, List<String>> values) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        values.forEach((key, value) -> decoded.put(key, TypedValue.decode(new ArrayList<>(value))));
        return decoded;
    }
}
