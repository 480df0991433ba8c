package org.milkbottle.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** A plugin's configuration: its schema (Metatype), current values, and validated changes. */
@ProviderType
public interface PluginConfiguration {

    /** The plugin's configuration schemas with current values. */
    List<ConfigurationSchema> schemas(String plugin);

    /**
     * Sets one value, after checking it against the schema (type, required, options); on a violation
     * a {@link PluginException} says what is allowed and nothing changes.
     *
     * @return the schema with the new value
     */
    ConfigurationSchema set(String plugin, String key, String value);
}
