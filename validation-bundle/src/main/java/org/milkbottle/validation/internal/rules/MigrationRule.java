package org.milkbottle.validation.internal.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.milkbottle.validation.api.ConfigMigration;
import org.milkbottle.validation.api.ConfigMigrations;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;

/**
 * A plugin's configuration migrations ({@value ConfigMigrations#RESOURCE}) must be readable — an update would
 * otherwise fail on them — and may name only configurations the plugin's own Metatype designates.
 */
public final class MigrationRule implements ValidationRule {

    @Override
    public String id() {
        return "config";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        if (!archive.entryNames().contains(ConfigMigrations.RESOURCE)) {
            return;
        }
        List<ConfigMigration> migrations;
        try {
            migrations = ConfigMigrations.read(archive.read(ConfigMigrations.RESOURCE));
        } catch (IOException e) {
            findings.add(new Finding("config.migration", Severity.ERROR, ConfigMigrations.RESOURCE + " cannot be read: "
                    + e.getMessage(), ConfigMigrations.RESOURCE));
            return;
        } catch (IllegalArgumentException e) {
            findings.add(new Finding("config.migration", Severity.ERROR, ConfigMigrations.RESOURCE + " is not a valid "
                    + "migration file: " + e.getMessage() + ". See docs/plugin-development.md, Configuration migration.",
                    ConfigMigrations.RESOURCE));
            return;
        }
        Set<String> designated = designatedPids(archive);
        for (ConfigMigration migration : migrations) {
            if (!designated.contains(migration.pid())) {
                // a migration writes configuration: only the plugin's own, or it could rewrite the runtime's
                findings.add(new Finding("config.migration", Severity.ERROR, ConfigMigrations.RESOURCE + " migrates '"
                        + migration.pid() + "', which no Metatype schema of this plugin designates (its own: "
                        + (designated.isEmpty() ? "none" : String.join(", ", designated)) + "); a plugin may migrate "
                        + "only its own configuration", ConfigMigrations.RESOURCE));
            }
        }
    }

    /** The PIDs of the plugin's Metatype designates (OSGI-INF/metatype/*.xml), read as text: no XML parser needed. */
    private static Set<String> designatedPids(PluginArchive archive) {
        Set<String> pids = new HashSet<>();
        for (String entry : archive.entryNames()) {
            if (entry.startsWith("OSGI-INF/metatype/") && entry.endsWith(".xml")) {
                try {
                    pids.addAll(ConfigMigrations.designatedPids(new String(archive.read(entry), StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    // an unreadable schema is the archive rule's to report
                }
            }
        }
        return pids;
    }
}
