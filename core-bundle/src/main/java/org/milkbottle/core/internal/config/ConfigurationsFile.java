package org.milkbottle.core.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.milkbottle.core.internal.store.JsonFiles;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Every configuration ConfigurationAdmin holds, as a file and back: a backup takes them along (ConfigurationAdmin
 * keeps them inside the framework cache, which a backup leaves out), and the first start after a restore puts them
 * back before any plugin starts. Values keep their types ({@code ["Integer","3"]}).
 */
public final class ConfigurationsFile {

    /** One configuration: its PID, its factory PID if it has one, its properties. */
    record Entry(String pid, String factoryPid, Map<String, List<String>> properties) {
    }

    /** Properties ConfigurationAdmin sets itself. */
    private static final Set<String> MANAGED = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, "felix.fileinstall.filename");

    private ConfigurationsFile() {
    }

    /** Writes every configuration to {@code file}; returns how many. */
    public static int write(ConfigurationAdmin admin, Path file) throws IOException {
        Configuration[] all;
        try {
            all = admin.listConfigurations(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // no filter given
        }
        List<Entry> entries = new ArrayList<>();
        for (Configuration configuration : all == null ? new Configuration[0] : all) {
            Dictionary<String, Object> properties = configuration.getProperties();
            if (properties == null) {
                continue;
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String key : Collections.list(properties.keys())) {
                if (!MANAGED.contains(key)) {
                    values.put(key, TypedValue.encode(properties.get(key)));
                }
            }
            entries.add(new Entry(configuration.getPid(), configuration.getFactoryPid(), values));
        }
        entries.sort(java.util.Comparator.comparing(Entry::pid));
        JsonFiles.write(file, entries);
        return entries.size();
    }

    /**
     * Puts the configurations of {@code file} into ConfigurationAdmin (bound to no bundle, as the runtime's own
     * configurations are), replacing those of the same PID; returns how many.
     */
    public static int apply(ConfigurationAdmin admin, Path file) throws IOException {
        List<Entry> entries = JsonFiles.read(file, new TypeReference<List<Entry>>() { },
                "the configurations of a restored backup", "restore the backup again");
        for (Entry entry : entries) {
            Configuration configuration;
            if (entry.factoryPid() == null) {
                configuration = admin.getConfiguration(entry.pid(), "?");
            } else {
                // named after the original PID (FACTORY~NAME keeps its name, a generated PID becomes the name), so
                // that applying the file again after a kill updates the same configuration instead of adding one
                String name = entry.pid().startsWith(entry.factoryPid() + "~")
                        ? entry.pid().substring(entry.factoryPid().length() + 1) : entry.pid();
                configuration = admin.getFactoryConfiguration(entry.factoryPid(), name, "?");
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            entry.properties().forEach((key, value) -> properties.put(key, TypedValue.decode(value)));
            configuration.update(properties);
        }
        Files.delete(file);
        return entries.size();
    }
}
