package org.milkbottle.core.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;

import org.milkbottle.api.ConfigurationSchema;
import org.milkbottle.api.PluginException;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Maps Metatype definitions to {@link ConfigurationSchema} and checks and converts values against them. */
final class SchemaMapper {

    private SchemaMapper() {
    }

    static ConfigurationSchema schema(String pid, ObjectClassDefinition ocd, Dictionary<String, Object> values) {
        List<ConfigurationSchema.Attribute> attributes = new ArrayList<>();
        List<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        for (AttributeDefinition definition : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            Object value = values == null ? null : values.get(definition.getID());
            String[] defaults = definition.getDefaultValue();
            String[] options = definition.getOptionValues();
            attributes.add(new ConfigurationSchema.Attribute(definition.getID(), definition.getName(),
                    definition.getDescription(), typeName(definition.getType()) + (definition.getCardinality() != 0
                            ? "[]" : ""),
                    required.contains(definition.getID()), defaults == null ? null : String.join(",", defaults),
                    options == null ? List.of() : List.of(options), value == null ? null : display(value)));
        }
        return new ConfigurationSchema(pid, ocd.getName(), ocd.getDescription(), attributes);
    }

    static AttributeDefinition find(ObjectClassDefinition ocd, String key) {
        for (AttributeDefinition definition : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (definition.getID().equals(key)) {
                return definition;
            }
        }
        return null;
    }

    /** Checks {@code text} against the definition and converts it to the schema's type. */
    static Object convert(String plugin, AttributeDefinition definition, String text, boolean required) {
        String id = definition.getID();
        boolean multiple = definition.getCardinality() != 0;
        String[] parts = multiple ? text.split(",", -1) : new String[] {text};
        String[] options = definition.getOptionValues();
        List<Object> values = new ArrayList<>();
        for (String raw : parts) {
            String part = multiple ? raw.trim() : raw;
            if (part.isEmpty() && definition.getType() != AttributeDefinition.STRING
                    && definition.getType() != AttributeDefinition.PASSWORD) {
                throw invalid(plugin, id, text, "a value of type " + typeName(definition.getType()) + " is required");
            }
            if (options != null && options.length > 0 && !Arrays.asList(options).contains(part)) {
                throw invalid(plugin, id, text, "allowed values are " + String.join(", ", options));
            }
            Object value = parse(plugin, definition, part, text);
            String problem = definition.validate(part);
            if (problem != null && !problem.isEmpty()) {
                throw invalid(plugin, id, text, problem);
            }
            values.add(value);
        }
        if (required && text.isEmpty()) {
            throw invalid(plugin, id, text, "it is required and cannot be empty");
        }
        if (!multiple) {
            return values.get(0);
        }
        return values.toArray(size -> (Object[]) java.lang.reflect.Array.newInstance(
                values.get(0).getClass(), size));
    }

    private static Object parse(String plugin, AttributeDefinition definition, String part, String text) {
        try {
            return switch (definition.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(part.trim());
                case AttributeDefinition.LONG -> Long.valueOf(part.trim());
                case AttributeDefinition.SHORT -> Short.valueOf(part.trim());
                case AttributeDefinition.BYTE -> Byte.valueOf(part.trim());
                case AttributeDefinition.DOUBLE -> Double.valueOf(part.trim());
                case AttributeDefinition.FLOAT -> Float.valueOf(part.trim());
                case AttributeDefinition.CHARACTER -> {
                    if (part.length() != 1) {
                        throw new NumberFormatException("one character expected");
                    }
                    yield part.charAt(0);
                }
                case AttributeDefinition.BOOLEAN -> {
                    String lower = part.trim().toLowerCase();
                    if (!lower.equals("true") && !lower.equals("false")) {
                        throw new NumberFormatException("true or false expected");
                    }
                    yield Boolean.valueOf(lower);
                }
                default -> part;
            };
        } catch (NumberFormatException e) {
            throw invalid(plugin, definition.getID(), text, "it must be of type "
                    + typeName(definition.getType()));
        }
    }

    private static PluginException invalid(String plugin, String key, String value, String why) {
        return new PluginException("'" + value + "' is not a valid value for " + key + " of " + plugin + ": " + why
                + ". Nothing was changed.");
    }

    static List<String> ids(AttributeDefinition[] definitions) {
        List<String> ids = new ArrayList<>();
        if (definitions != null) {
            for (AttributeDefinition definition : definitions) {
                ids.add(definition.getID());
            }
        }
        return ids;
    }

    private static String display(Object value) {
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
                items.add(String.valueOf(java.lang.reflect.Array.get(value, i)));
            }
            return String.join(",", items);
        }
        return String.valueOf(value);
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.STRING -> "String";
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.SHORT -> "Short";
            case AttributeDefinition.CHARACTER -> "Character";
            case AttributeDefinition.BYTE -> "Byte";
            case AttributeDefinition.DOUBLE -> "Double";
            case AttributeDefinition.FLOAT -> "Float";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "type " + type;
        };
    }
}
