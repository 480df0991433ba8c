package org.milkbottle.api;

import java.util.List;

/**
 * A plugin's configuration as its Metatype describes it, with current values.
 *
 * @param pid the configuration PID
 * @param name the schema's human name
 * @param description what it configures
 * @param attributes its attributes
 */
public record ConfigurationSchema(String pid, String name, String description, List<Attribute> attributes) {

    public ConfigurationSchema {
        attributes = List.copyOf(attributes);
    }

    /**
     * One configurable attribute.
     *
     * @param id the property key
     * @param name human name
     * @param description what it does
     * @param type {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Double}, ...
     * @param required whether a value must be given
     * @param defaultValue the default, or {@code null}
     * @param options allowed values, empty when any value of the type is allowed
     * @param value the current value, or {@code null} when the default applies
     */
    public record Attribute(String id, String name, String description, String type, boolean required,
            String defaultValue, List<String> options, String value) {

        public Attribute {
            options = List.copyOf(options);
        }
    }
}
