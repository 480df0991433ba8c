package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.ThrowingComponent;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A plugin's configuration migration, applied by an update inside its transaction: keys renamed, a value converted
 * to its new type, a default given, a key removed; a rollback puts the old values back (and rolling back the
 * rollback migrates again); a value that does not convert refuses the update, and an update that fails after the
 * migration puts the configuration back — nothing half-migrated in any case.
 */
@RunWith(PaxExam.class)
public class ConfigMigrationIT extends MilkBottleTestSupport {

    private static final String MIGRATIONS = """
            {"migrations": [{"pid": "%s", "from": "[1.0.0,1.1.0)",
              "rename": {"salutation": "greeting", "exclamations": "excitement"},
              "types": {"excitement": "Integer"}, "defaults": {"style": "plain"}, "remove": ["legacyMode"]}]}
            """;

    private ConfigurationAdmin admin() {
        return context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    private Configuration configure(String pid, Map<String, Object> values) throws IOException {
        Configuration configuration = admin().getConfiguration(pid, "?");
        configuration.update(new Hashtable<>(values));
        return configuration;
    }

    private Map<String, Object> values(String pid) throws Exception {
        Configuration[] found = admin().listConfigurations("(service.pid=" + pid + ")");
        Map<String, Object> values = new HashMap<>();
        Dictionary<String, Object> properties = found[0].getProperties();
        for (String key : Collections.list(properties.keys())) {
            if (!key.startsWith("service.")) {
                values.put(key, properties.get(key));
            }
        }
        return values;
    }

    private static Path write(Path jar, String name, String version, String migrations) throws IOException {
        TestBundles bundle = TestBundles.plugin(name, version);
        if (migrations != null) {
            withSchema(bundle, name).resource("OSGI-INF/milkbottle/migrations.json", String.format(migrations, name));
        }
        return bundle.writeTo(jar.getParent(), jar.getFileName().toString());
    }

    /** A Metatype schema designating {@code pid}: a plugin may migrate only configurations it designates. */
    private static TestBundles withSchema(TestBundles bundle, String pid) {
        return bundle.resource("OSGI-INF/metatype/schema.xml", "<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/"
                + "xmlns/metatype/v1.4.0\"><OCD id=\"ocd\" name=\"Schema\"><AD id=\"greeting\" type=\"String\"/>"
                + "<AD id=\"excitement\" type=\"Integer\"/><AD id=\"style\" type=\"String\"/></OCD><Designate pid=\""
                + pid + "\"><Object ocdref=\"ocd\"/></Designate></metatype:MetaData>");
    }

    private String version(String name) {
        return bundle(name).orElseThrow().getVersion().toString();
    }

    @Test
    public void anUpdateMigratesTheConfigurationAndARollbackPutsItBack() throws Exception {
        String name = "mig.plugin";
        Path jar = work("migration").resolve("plugin.jar");
        write(jar, name, "1.0.0", null);
        assertTrue(shell("mb:install file:" + jar).contains("ACTIVE"));
        Map<String, Object> original = Map.of("salutation", "Hi", "exclamations", "3", "legacyMode", "on", "kept", 7);
        configure(name, original);

        write(jar, name, "1.1.0", MIGRATIONS);
        String updated = shell("mb:install file:" + jar);
        assertTrue(updated, updated.contains("Migrated the configuration 'mig.plugin' from mig.plugin 1.0.0 to 1.1.0"));
        assertEquals("1.1.0", version(name));
        Map<String, Object> migrated = Map.of("greeting", "Hi", "excitement", 3, "style", "plain", "kept", 7);
        assertEquals(migrated, values(name));

        shell("mb:rollback");
        assertEquals("1.0.0", version(name));
        assertEquals("the old values, with their types", original, values(name));

        shell("mb:rollback"); // the rollback rolled back: the update's bundles, and its migration, again
        assertEquals("1.1.0", version(name));
        assertEquals(migrated, values(name));
    }

    @Test
    public void aMigrationOfAnotherBundlesConfigurationIsRefusedAndChangesNothing() throws Exception {
        String name = "mig.hostile";
        Path jar = work("migration-hostile").resolve("plugin.jar");
        write(jar, name, "1.0.0", null);
        shell("mb:install file:" + jar);
        Configuration validation = admin().getConfiguration("org.milkbottle.validation", "?");
        Map<String, Object> before = validation.getProperties() == null ? Map.of() : values("org.milkbottle.validation");
        if (validation.getProperties() == null) {
            configure("org.milkbottle.validation", Map.of("maxEntries", 65_536));
            before = values("org.milkbottle.validation");
        }
        String takeOver = """
                {"migrations": [{"pid": "org.milkbottle.validation", "from": "[1.0.0,1.1.0)",
                  "defaults": {"untrustedPermissions": "process"}}]}""";

        // naming a configuration its own Metatype does not designate: the validator refuses the jar
        TestBundles.plugin(name, "1.1.0").resource("OSGI-INF/milkbottle/migrations.json", takeOver)
                .writeTo(jar.getParent(), jar.getFileName().toString());
        String refused = expectShellError("mb:install file:" + jar);
        assertTrue(refused, refused.contains("config.migration") || refused.contains("which no Metatype schema of this "
                + "plugin designates"));

        // designating it in its own Metatype as well: the runtime's validation bundle owns it, so the update refuses
        withSchema(TestBundles.plugin(name, "1.1.0"), "org.milkbottle.validation")
                .resource("OSGI-INF/milkbottle/migrations.json", takeOver)
                .writeTo(jar.getParent(), jar.getFileName().toString());
        String notItsOwn = expectShellError("mb:install file:" + jar);
        assertTrue(notItsOwn, notItsOwn.contains("migrates the configuration 'org.milkbottle.validation', which is not "
                + "its own (it belongs to org.milkbottle.validation)"));
        assertEquals("1.0.0", version(name));
        assertEquals("the runtime's configuration is untouched", before, values("org.milkbottle.validation"));
    }

    @Test
    public void aValueThatDoesNotConvertRefusesTheUpdateAndChangesNothing() throws Exception {
        String name = "mig.strict";
        Path jar = work("migration-strict").resolve("plugin.jar");
        write(jar, name, "1.0.0", null);
        shell("mb:install file:" + jar);
        Map<String, Object> original = Map.of("salutation", "Hi", "exclamations", "lots");
        configure(name, original);

        write(jar, name, "1.1.0", MIGRATIONS);
        String refused = expectShellError("mb:install file:" + jar);
        assertTrue(refused, refused.contains("its configuration cannot be migrated from version 1.0.0")
                && refused.contains("'excitement' = 'lots' is not an Integer") && refused.contains("nothing was changed"));
        assertEquals("1.0.0", version(name));
        assertEquals(original, values(name));
    }

    @Test
    public void anUpdateThatFailsAfterItsMigrationPutsTheConfigurationBack() throws Exception {
        String name = "mig.failing";
        Path jar = work("migration-failing").resolve("plugin.jar");
        write(jar, name, "1.0.0", null);
        shell("mb:install file:" + jar);
        Map<String, Object> original = Map.of("salutation", "Hi", "exclamations", "2");
        configure(name, original);

        withSchema(TestBundles.plugin(name, "1.1.0").immediateComponent(ThrowingComponent.class), name)
                .resource("OSGI-INF/milkbottle/migrations.json", String.format(MIGRATIONS, name))
                .writeTo(jar.getParent(), jar.getFileName().toString());
        String failed = expectShellError("mb:install file:" + jar);
        assertTrue(failed, failed.contains("boom from ThrowingComponent.activate"));
        assertEquals("1.0.0", version(name));
        assertEquals(original, values(name));
        assertNull("no migrated key is left", values(name).get("greeting"));
        assertFalse(values(name).containsKey("style"));
    }
}
