package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.CriticalHealthCheck;
import org.milkbottle.itests.fixtures.ThrowingComponent;
import org.milkbottle.itests.fixtures.ThrowingService;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * mb:test JAR: each plugin is tested in a throwaway copy of the runtime (the exported launcher jar, in a temporary
 * folder with its own port). A good plugin passes every check; a plugin whose component fails on first use, whose
 * health check fails, whose requirement is missing, or whose component fails at start is reported with the failing
 * check named and why. Nothing of the plugin reaches this runtime.
 */
@RunWith(PaxExam.class)
public class PluginTesterIT extends SdkTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), CoreOptions.bundle("file:" + System.getProperty("milkbottle.sdk.bundle")));
    }

    @Test
    public void aGoodPluginPassesEveryCheckAndNothingOfItReachesThisRuntime() throws Exception {
        Path hello = Path.of(System.getProperty("milkbottle.hello.bundle"));
        String report = shell("mb:test " + hello);
        assertTrue(report, report.startsWith("org.milkbottle.example.hello ") && report.contains(": PASSED (6 of 6"));
        assertTrue(report, report.contains("PASS  install ") && report.contains("PASS  start       ACTIVE"));
        assertTrue(report, report.contains("PASS  components") && report.contains("PASS  health")
                && report.contains("PASS  commands    hello:"));
        assertFalse("tested elsewhere, not installed here", bundle("org.milkbottle.example.hello").isPresent());

        JsonNode json = JSON.readTree(shell("mb:test --json " + hello));
        assertEquals("org.milkbottle.example.hello", json.get("plugin").asText());
        assertTrue(json.toString(), json.get("passed").asBoolean());
        assertEquals(6, json.get("checks").size());
        assertEquals("install", json.get("checks").get(0).get("name").asText());
    }

    @Test
    public void aComponentThatFailsOnFirstUseFailsTheComponentsCheck() throws Exception {
        Path jar = TestBundles.plugin("org.acme.lazyfail", "1.0.0")
                .serviceComponent(ThrowingService.class, "java.lang.Runnable", false, Map.of())
                .writeTo(work("tester-lazy"), "lazyfail.jar");
        String report = expectShellError("mb:test " + jar);
        assertTrue(report, report.startsWith("org.acme.lazyfail 1.0.0: FAILED"));
        assertTrue(report, report.contains("PASS  start ")
                && report.contains("FAIL  components  " + ThrowingService.class.getName() + " failed to activate")
                && report.contains("no database at first use"));
    }

    @Test
    public void aFailingHealthCheckFailsTheHealthCheck() throws Exception {
        Path jar = TestBundles.plugin("org.acme.sick", "1.0.0").importPackage("org.apache.felix.hc.api")
                .serviceComponent(CriticalHealthCheck.class, "org.apache.felix.hc.api.HealthCheck", true,
                        Map.of("hc.name", "always-critical"))
                .writeTo(work("tester-sick"), "sick.jar");
        JsonNode json = JSON.readTree(shell("mb:test --json " + jar));
        assertFalse(json.toString(), json.get("passed").asBoolean());
        assertEquals(json.toString(), 6, json.get("checks").size());
        JsonNode health = json.get("checks").get(3);
        assertEquals("health", health.get("name").asText());
        assertFalse(health.get("passed").asBoolean());
        assertTrue(health.toString(), health.get("detail").asText().contains("always-critical CRITICAL: the disk is on fire"));
        String report = expectShellError("mb:test " + jar);
        assertTrue(report, report.contains("FAIL  health ") && report.contains("PASS  components"));
    }

    @Test
    public void aMissingRequirementOrAComponentFailingAtStartFailsTheInstallCheckWithTheReason() throws Exception {
        Path missing = TestBundles.plugin("org.acme.needy", "1.0.0").importPackage("org.nowhere.missing")
                .writeTo(work("tester-needy"), "needy.jar");
        String needy = expectShellError("mb:test " + missing);
        assertTrue(needy, needy.startsWith("org.acme.needy 1.0.0: FAILED (0 of 1 checks passed)"));
        assertTrue(needy, needy.contains("FAIL  install  ") && needy.contains("org.nowhere.missing"));

        Path throwing = TestBundles.plugin("org.acme.boom", "1.0.0").immediateComponent(ThrowingComponent.class)
                .writeTo(work("tester-boom"), "boom.jar");
        String boom = expectShellError("mb:test " + throwing);
        assertTrue(boom, boom.contains("FAIL  install  ") && boom.contains("boom from ThrowingComponent.activate"));
    }

    @Test
    public void aMigrationToAKeyTheSchemaLacksFailsTheMigrationsCheck() throws Exception {
        Path jar = TestBundles.plugin("org.acme.typo", "1.0.0")
                .resource("OSGI-INF/metatype/typo.xml", "<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/xmlns/"
                        + "metatype/v1.4.0\"><OCD id=\"typo.ocd\" name=\"Typo\"><AD id=\"greeting\" type=\"String\" "
                        + "default=\"Hello\"/></OCD><Designate pid=\"org.acme.typo\"><Object ocdref=\"typo.ocd\"/>"
                        + "</Designate></metatype:MetaData>")
                .resource("OSGI-INF/milkbottle/migrations.json", "{\"migrations\": [{\"pid\": \"org.acme.typo\", "
                        + "\"from\": \"[0,1)\", \"rename\": {\"salutation\": \"greting\"}}]}")
                .writeTo(work("tester-typo"), "typo.jar");
        String report = expectShellError("mb:test " + jar);
        assertTrue(report, report.contains("FAIL  migrations  'org.acme.typo' has no key 'greting' (it has greeting)")
                && report.contains("PASS  components"));
    }

    @Test
    public void badRequestsAreOneClearLine() throws Exception {
        Path folder = work("tester-bad");
        assertTrue(expectShellError("mb:test " + folder.resolve("none.jar")).contains("is not a file"));
        Path notAJar = Files.writeString(folder.resolve("text.jar"), "not a jar");
        assertTrue(expectShellError("mb:test " + notAJar).contains("is not a jar"));
        Path library = TestBundles.library("", "1.0.0").writeTo(folder, "nameless.jar");
        assertTrue(expectShellError("mb:test " + library).contains("no valid Bundle-SymbolicName"));
        assertTrue(expectShellError("mb:test --installed org.acme.absent").startsWith("There is no plugin 'org.acme.absent'"));
        assertTrue(expectShellError("mb:test --timeout 0 " + notAJar).contains("--timeout must be at least 1"));
    }
}
