package org.milkbottle.validation.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.VersionRange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a plugin's configuration migrations, the resource {@value #RESOURCE}:
 *
 * <pre>
 * {"migrations": [
 *   {"pid": "org.acme.notes", "from": "[0.0.0,0.2.0)",
 *    "rename": {"greeting": "salutation"}, "defaults": {"excitement": "2"},
 *    "types": {"excitement": "Integer"}, "remove": ["legacy"]}
 * ]}
 * </pre>
 *
 * The validator checks it (rule {@code config.migration}); {@code mb:update} applies it. A plugin may migrate only
 * configurations its own Metatype designates and no other bundle does.
 *
 * @since 1.7
 */
public final class ConfigMigrations {

    /** Where a plugin declares its migrations. */
    public static final String RESOURCE = "OSGI-INF/milkbottle/migrations.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DESIGNATE_PID = Pattern.compile("<Designate[^>]*\\spid=\"([^\"]+)\"");
    private static final Set<String> FIELDS = Set.of("pid", "from", "rename", "defaults", "types", "remove");

    private ConfigMigrations() {
    }

    /**
     * The migrations in declared order.
     *
     * @throws IllegalArgumentException for a file that is not such JSON, saying what is wrong and where
     */
    public static List<ConfigMigration> read(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("it is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("it cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("migrations").isArray() || root.size() != 1) {
            throw new IllegalArgumentException("it must be an object with one field, \"migrations\", a list");
        }
        List<ConfigMigration> migrations = new ArrayList<>();
        int index = 0;
        for (JsonNode step : root.get("migrations")) {
            String where = "migration " + (++index);
            if (!step.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            for (Iterator<String> names = step.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(where + " has an unknown field \"" + name + "\" (known: pid, "
                            + "from, rename, defaults, types, remove)");
                }
            }
            String pid = text(step, "pid", where);
            VersionRange from;
            try {
                from = new VersionRange(text(step, "from", where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": \"from\" is not a version range such as "
                        + "[0.0.0,2.0.0) (" + e.getMessage() + ")");
            }
            Map<String, String> types = strings(step, "types", where);
            types.forEach((key, type) -> {
                if (!ConfigMigration.TYPES.contains(type)) {
                    throw new IllegalArgumentException(where + ": the type of '" + key + "' is '" + type
                            + "'; use one of " + String.join(", ", ConfigMigration.TYPES));
                }
            });
            List<String> remove = new ArrayList<>();
            JsonNode removed = step.path("remove");
            if (!removed.isMissingNode()) {
                if (!removed.isArray()) {
                    throw new IllegalArgumentException(where + ": \"remove\" must be a list of keys");
                }
                removed.forEach(key -> remove.add(key.asText()));
            }
            migrations.add(new ConfigMigration(pid, from, strings(step, "rename", where), strings(step, "defaults",
                    where), types, remove));
        }
        return migrations;
    }

    /**
     * The PIDs a Metatype XML file ({@code OSGI-INF/metatype/*.xml}) designates: the configurations a plugin owns,
     * and the only ones its migrations may touch.
     */
    public static Set<String> designatedPids(String metatypeXml) {
        Set<String> pids = new LinkedHashSet<>();
        Matcher matcher = DESIGNATE_PID.matcher(metatypeXml);
        while (matcher.find()) {
            pids.add(matcher.group(1));
        }
        return pids;
    }

    private static String text(JsonNode step, String field, String where) {
        JsonNode value = step.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs \"" + field + "\", a text");
        }
        return value.asText().strip();
    }

    private static Map<String, String> strings(JsonNode step, String field, String where) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode object = step.path(field);
        if (object.isMissingNode()) {
            return values;
        }
        if (!object.isObject()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be an object of keys to texts");
        }
        object.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isValueNode()) {
                throw new IllegalArgumentException(where + ": \"" + field + "\" maps '" + entry.getKey()
                        + "' to something that is not a single value");
            }
            values.put(entry.getKey(), entry.getValue().asText());
        });
        return values;
    }
}
