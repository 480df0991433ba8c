package org.milkbottle.sdk.internal.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.milkbottle.sdk.api.PluginTestReport.Check;
import org.milkbottle.validation.api.ConfigMigration;
import org.milkbottle.validation.api.ConfigMigrations;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A plugin's configuration migrations must lead to its schema: every key a step renames to, gives a default or a
 * type must be one the Metatype schema of that PID has — a typo there would silently drop a user's value at the
 * next update.
 */
final class MigrationCheck {

    private final MetaTypeService metaType;

    MigrationCheck(MetaTypeService metaType) {
        this.metaType = metaType;
    }

    Check check(Bundle bundle) {
        URL resource = bundle.getEntry(ConfigMigrations.RESOURCE);
        if (resource == null) {
            return new Check("migrations", true, "none");
        }
        List<ConfigMigration> migrations;
        try (InputStream in = resource.openStream()) {
            migrations = ConfigMigrations.read(in.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            return new Check("migrations", false, ConfigMigrations.RESOURCE + " is not valid: " + e.getMessage());
        }
        MetaTypeInformation information = metaType.getMetaTypeInformation(bundle);
        List<String> problems = new ArrayList<>();
        for (ConfigMigration migration : migrations) {
            Set<String> keys = keys(information, migration.pid());
            if (keys == null) {
                problems.add("'" + migration.pid() + "' has no schema in this plugin");
                continue;
            }
            Set<String> named = new HashSet<>(migration.rename().values());
            named.addAll(migration.defaults().keySet());
            named.addAll(migration.types().keySet());
            named.stream().filter(key -> !keys.contains(key)).sorted().forEach(key -> problems.add("'"
                    + migration.pid() + "' has no key '" + key + "' (it has " + String.join(", ", keys.stream()
                            .sorted().toList()) + ")"));
        }
        return problems.isEmpty() ? new Check("migrations", true, migrations.size() + " step(s) lead to the schema")
                : new Check("migrations", false, String.join("; ", problems));
    }

    private static Set<String> keys(MetaTypeInformation information, String pid) {
        if (information == null || !List.of(information.getPids()).contains(pid)) {
            return null;
        }
        ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
        Set<String> keys = new HashSet<>();
        AttributeDefinition[] attributes = definition.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition attribute : attributes == null ? new AttributeDefinition[0] : attributes) {
            keys.add(attribute.getID());
        }
        return keys;
    }
}
