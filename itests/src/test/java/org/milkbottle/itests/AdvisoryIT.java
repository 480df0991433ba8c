package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;

/** Advisories: installed plugins that match are flagged by mb:list and mb:health; matching versions are refused. */
@RunWith(PaxExam.class)
public class AdvisoryIT extends MilkBottleTestSupport {

    @Override
    @Configuration
    public Option[] configuration() throws IOException {
        return configurationWithOwnDataFolder("advisory-");
    }

    @Test
    public void advisoriesFlagInstalledPluginsAndRefuseAffectedVersions() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        Path advisories = Path.of(context.getProperty("milkbottle.data")).resolve("advisories.json");
        Files.writeString(advisories, "[{\"id\":\"MB-2026-0001\",\"plugin\":\"org.milkbottle.example.hello\","
                + "\"versions\":\"[1.0,1.1)\",\"severity\":\"critical\",\"message\":\"greets too loudly; upgrade to 1.1\"}]");

        String list = shell("mb:list");
        assertTrue(list, list.contains("CRITICAL"));
        String health = shell("mb:health hello");
        assertTrue(health, health.contains("advisory MB-2026-0001") && health.contains("greets too loudly"));

        shell("mb:uninstall hello");
        String error = expectError(() -> manager.install(InstallRequest.of("test", helloJar().toString())));
        assertTrue(error, error.contains("advisory MB-2026-0001") && error.contains("[advisory.matched]"));

        Path fixed = TestBundles.withVersion(helloJar(), "1.1.0", work("fixed").resolve("hello-1.1.jar"));
        manager.install(InstallRequest.of("test", fixed.toString()));
        assertEquals("OK", manager.details("hello").health().status());
    }
}
