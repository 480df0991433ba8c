package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.service.cm.Configuration;

/** mb:config checks values against the plugin's schema; mb:health aggregates health checks. */
@RunWith(PaxExam.class)
public class ConfigHealthIT extends MilkBottleTestSupport {

    private static final String PID = "org.milkbottle.example.hello";

    private Object stored(String key) throws Exception {
        Configuration[] found = configurationAdmin.listConfigurations("(service.pid=" + PID + ")");
        return found == null ? null : found[0].getProperties().get(key);
    }

    @Test
    public void configurationShowsSchemaAndAcceptsValidValues() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String schema = shell("mb:config hello");
        assertTrue(schema, schema.contains("greeting") && schema.contains("excitement") && schema.contains("plain|shout"));

        String set = shell("mb:config hello excitement 3");
        assertTrue(set, set.contains("Set excitement = 3"));
        assertEquals(3, stored("excitement"));
        shell("mb:config hello style shout");
        awaitShell("hello:greet Ed", "HELLO, ED!!!");
    }

    @Test
    public void valuesThatBreakTheSchemaAreRejectedAndNothingChanges() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String type = expectError(() -> shell("mb:config hello excitement lots"));
        assertTrue(type, type.contains("must be of type Integer") && type.contains("Nothing was changed"));
        String range = expectError(() -> shell("mb:config hello excitement 9"));
        assertTrue(range, range.contains("excitement"));
        String option = expectError(() -> shell("mb:config hello style loud"));
        assertTrue(option, option.contains("allowed values are plain, shout"));
        String required = expectError(() -> shell("mb:config hello greeting \"\""));
        assertTrue(required, required.contains("required"));
        String unknown = expectError(() -> shell("mb:config hello colour blue"));
        assertTrue(unknown, unknown.contains("no configuration key 'colour'") && unknown.contains("greeting"));
        assertNull("nothing stored", stored("excitement"));
        assertEquals("Hello, Flo!", shell("hello:greet Flo").trim());
    }

    @Test
    public void healthAggregatesThePluginsChecks() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String all = shell("mb:health");
        assertTrue(all, all.contains("org.milkbottle.example.hello") && all.contains("OK") && all.contains("hello=OK"));
        String one = shell("mb:health hello");
        assertTrue(one, one.contains("Health: OK") && one.contains("greeting command ready"));
        shell("mb:stop hello");
        assertTrue(shell("mb:health hello").contains("STOPPED"));
    }
}
