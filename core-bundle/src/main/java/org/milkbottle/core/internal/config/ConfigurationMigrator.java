package org.milkbottle.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.milkbottle.api.PluginException;
import org.milkbottle.validation.api.ConfigMigration;
import org.milkbottle.validation.api.ConfigMigrations;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Moves a plugin's existing configuration to a new version's schema, as the new version declares
 * ({@link ConfigMigrations#RESOURCE}), and puts values back when a change is undone. Every new value is computed
 * before anything is written, and a write that fails undoes the ones before it: a migration happens whole or not
 * at all.
 */
public final class ConfigurationMigrator {

    /** Properties ConfigurationAdmin keeps itself; never migrated. */
    private static final Set<String> OWN = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final Supplier<ConfigurationAdmin> admin;
    private final ConfigurationOwners owners;

    /** @param owners tells which configurations other bundles own, which no migration may touch */
    public ConfigurationMigrator(Supplier<ConfigurationAdmin> admin, ConfigurationOwners owners) {
        this.admin = admin;
        this.owners = owners;
    }

    /** Who owns a configuration, besides the plugin being updated. */
    public interface ConfigurationOwners {

        /** The other installed bundles (not versions of {@code plugin}) whose Metatype designates {@code pid}. */
        List<String> othersDesignating(String pid, String plugin);

        /** The location of the bundle {@code plugin} is installed from, to which its own configuration may be bound. */
        String location(String plugin);
    }

    /**
     * Applies the migrations of the plugin at {@code jar} that apply to a configuration written for
     * {@code installed}.
     *
     * @return what changed, in order
     * @throws PluginException for migrations that cannot be read or a value that does not convert; nothing changed
     */
    public List<ConfigChange> migrate(Path jar, String plugin, Version installed) {
        List<ConfigMigration> migrations = migrations(jar, plugin);
        Set<String> own = designatedPids(jar, plugin);
        ConfigurationAdmin configurationAdmin = admin.get();
        if (migrations.isEmpty() || configurationAdmin == null) {
            return List.of();
        }
        Map<String, Map<String, Object>> current = new LinkedHashMap<>();
        Map<String, Map<String, Object>> original = new LinkedHashMap<>();
        for (ConfigMigration migration : migrations) {
            if (!migration.appliesTo(installed)) {
                continue;
            }
            Map<String, Object> values = current.get(migration.pid());
            if (values == null) {
                Configuration configuration = find(configurationAdmin, migration.pid());
                if (configuration == null) {
                    continue; // nothing was configured: the new version's defaults apply
                }
                requireOwn(plugin, migration.pid(), own, configuration);
                values = values(configuration);
                original.put(migration.pid(), values);
            }
            try {
                current.put(migration.pid(), migration.apply(values));
            } catch (IllegalArgumentException e) {
                throw new PluginException(plugin + ": its configuration cannot be migrated from version " + installed
                        + ": " + e.getMessage() + ". Fix the value with mb:config first, or the plugin's "
                        + ConfigMigrations.RESOURCE + "; nothing was changed.");
            }
        }
        List<ConfigChange> changes = new ArrayList<>();
        current.forEach((pid, after) -> {
            ConfigChange change = ConfigChange.of(pid, original.get(pid), after);
            if (!change.before().equals(change.after())) {
                changes.add(change);
            }
        });
        apply(changes);
        return changes;
    }

    /** Writes each change's values after, in order; if one fails, those written are put back first. */
    public void apply(List<ConfigChange> changes) {
        List<ConfigChange> written = new ArrayList<>();
        for (ConfigChange change : changes) {
            try {
                write(change.pid(), change.afterValues());
                written.add(change);
            } catch (IOException | RuntimeException e) {
                Collections.reverse(written);
                written.forEach(done -> writeQuietly(done.pid(), done.beforeValues()));
                throw new PluginException("Could not write the configuration '" + change.pid() + "': " + e.getMessage()
                        + "; nothing was changed.", e);
            }
        }
    }

    /**
     * Undoes changes: their values before, the last change first, each on its own — one that cannot be written does
     * not stop the others.
     *
     * @throws PluginException naming those that could not be put back
     */
    public void undo(List<ConfigChange> changes) {
        List<String> failures = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            ConfigChange change = changes.get(i);
            try {
                write(change.pid(), change.beforeValues());
            } catch (IOException | RuntimeException e) {
                failures.add("'" + change.pid() + "' (" + e.getMessage() + ")");
            }
        }
        if (!failures.isEmpty()) {
            throw new PluginException("Could not put back the configuration " + String.join(", ", failures)
                    + "; set it again with mb:config.");
        }
    }

    /**
     * A migration writes configuration, so it may touch only the plugin's own: one its new version's Metatype
     * designates, no other installed bundle designates, and that is not bound to another bundle. Anything else
     * would let an update rewrite the runtime's settings (the validator's trusted permissions, say).
     */
    private void requireOwn(String plugin, String pid, Set<String> own, Configuration configuration) {
        String problem = null;
        if (!own.contains(pid)) {
            problem = "its Metatype does not designate it";
        } else if (!owners.othersDesignating(pid, plugin).isEmpty()) {
            problem = "it belongs to " + String.join(", ", owners.othersDesignating(pid, plugin));
        } else {
            String bound = configuration.getBundleLocation();
            if (bound != null && !bound.startsWith("?") && !bound.equals(owners.location(plugin))) {
                problem = "it is bound to " + bound;
            }
        }
        if (problem != null) {
            throw new PluginException(plugin + ": its " + ConfigMigrations.RESOURCE + " migrates the configuration '"
                    + pid + "', which is not its own (" + problem + "); a plugin may migrate only configurations its "
                    + "own Metatype describes. Nothing was changed.");
        }
    }

    private static Set<String> designatedPids(Path jar, String plugin) {
        Set<String> pids = new HashSet<>();
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                    pids.addAll(ConfigMigrations.designatedPids(new String(file.getInputStream(entry).readAllBytes(),
                            StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new PluginException(plugin + ": its Metatype cannot be read (" + e.getMessage() + "); nothing was "
                    + "changed.", e);
        }
        return pids;
    }

    private static List<ConfigMigration> migrations(Path jar, String plugin) {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            ZipEntry entry = file.getEntry(ConfigMigrations.RESOURCE);
            if (entry == null) {
                return List.of();
            }
            return ConfigMigrations.read(file.getInputStream(entry).readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            throw new PluginException(plugin + ": its " + ConfigMigrations.RESOURCE + " cannot be read (" + e.getMessage()
                    + "); nothing was changed.", e);
        }
    }

    private static Configuration find(ConfigurationAdmin admin, String pid) {
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new PluginException("Could not read the configuration '" + pid + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> values(Configuration configuration) {
        Map<String, Object> values = new LinkedHashMap<>();
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties != null) {
            for (String key : Collections.list(properties.keys())) {
                if (!OWN.contains(key)) {
                    values.put(key, properties.get(key));
                }
            }
        }
        return values;
    }

    private void write(String pid, Map<String, Object> values) throws IOException {
        ConfigurationAdmin configurationAdmin = admin.get();
        if (configurationAdmin == null) {
            throw new IOException("ConfigurationAdmin is not running");
        }
        Configuration configuration = find(configurationAdmin, pid);
        if (configuration == null) {
            configuration = configurationAdmin.getConfiguration(pid, "?");
        }
        configuration.update(new Hashtable<>(values));
    }

    private void writeQuietly(String pid, Map<String, Object> values) {
        try {
            write(pid, values);
        } catch (IOException | RuntimeException e) {
            System.getLogger(ConfigurationMigrator.class.getName()).log(System.Logger.Level.ERROR,
                    "Could not put back the configuration '" + pid + "': " + e.getMessage());
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
