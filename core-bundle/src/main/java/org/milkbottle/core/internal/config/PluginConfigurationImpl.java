package org.milkbottle.core.internal.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.milkbottle.api.ConfigurationSchema;
import org.milkbottle.api.PluginConfiguration;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.BundleFinder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A plugin's configuration: schemas come from its Metatype, values from ConfigurationAdmin. A value is
 * written only after it passes the schema, so a plugin never sees a configuration its schema forbids.
 */
@Component(service = PluginConfiguration.class)
public class PluginConfigurationImpl implements PluginConfiguration {

    private final MetaTypeService metaType;
    private final ConfigurationAdmin configurationAdmin;
    private final BundleContext context;

    @Activate
    public PluginConfigurationImpl(@Reference MetaTypeService metaType, @Reference ConfigurationAdmin configurationAdmin,
            BundleContext context) {
        this.metaType = metaType;
        this.configurationAdmin = configurationAdmin;
        this.context = context;
    }

    @Override
    public List<ConfigurationSchema> schemas(String plugin) {
        Bundle bundle = find(plugin);
        MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
        List<ConfigurationSchema> schemas = new ArrayList<>();
        if (information == null) {
            return schemas;
        }
        Set<String> pids = new LinkedHashSet<>(List.of(information.getPids()));
        for (String pid : pids) {
            ObjectClassDefinition ocd = information.getObjectClassDefinition(pid, null);
            schemas.add(SchemaMapper.schema(pid, ocd, current(pid)));
        }
        return schemas;
    }

    @Override
    public ConfigurationSchema set(String plugin, String key, String value) {
        Bundle bundle = find(plugin);
        MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
        if (information == null || information.getPids().length == 0) {
            throw new PluginException(bundle.getSymbolicName() + " has no configuration schema (Metatype), so "
                    + "MilkBottle cannot check values for it; nothing was changed.");
        }
        for (String pid : information.getPids()) {
            ObjectClassDefinition ocd = information.getObjectClassDefinition(pid, null);
            AttributeDefinition definition = SchemaMapper.find(ocd, key);
            if (definition == null) {
                continue;
            }
            boolean required = SchemaMapper.ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED))
                    .contains(definition.getID());
            Object typed = SchemaMapper.convert(bundle.getSymbolicName(), definition, value, required);
            try {
                Configuration configuration = configurationAdmin.getConfiguration(pid, "?");
                Dictionary<String, Object> properties = configuration.getProperties();
                if (properties == null) {
                    properties = new Hashtable<>();
                }
                properties.put(definition.getID(), typed);
                configuration.update(properties);
            } catch (IOException e) {
                throw new PluginException("Saving the configuration of " + bundle.getSymbolicName() + " failed: "
                        + e.getMessage(), e);
            }
            return SchemaMapper.schema(pid, ocd, current(pid));
        }
        List<String> keys = new ArrayList<>();
        for (String pid : information.getPids()) {
            for (AttributeDefinition definition : information.getObjectClassDefinition(pid, null)
                    .getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                keys.add(definition.getID());
            }
        }
        throw new PluginException(bundle.getSymbolicName() + " has no configuration key '" + key + "'. Its keys are: "
                + String.join(", ", keys) + ". Nothing was changed.");
    }

    private Dictionary<String, Object> current(String pid) {
        try {
            Configuration[] found = configurationAdmin.listConfigurations(
                    "(" + Constants.SERVICE_PID + "=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new PluginException("Reading the configuration " + pid + " failed: " + e.getMessage(), e);
        }
    }

    private Bundle find(String plugin) {
        return BundleFinder.find(context, plugin);
    }
}
