package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.fixtures.ExitingActivator;
import org.milkbottle.itests.fixtures.HookRegistrar;
import org.milkbottle.itests.fixtures.MarkerActivator;
import org.milkbottle.itests.fixtures.Markers;
import org.milkbottle.itests.fixtures.ProcessActivator;
import org.milkbottle.itests.fixtures.SystemBundleStopper;
import org.milkbottle.validation.testing.Signing;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * Hostile bundles built inside the test are refused before any of their code runs; the refusal names
 * the rule; the runtime and the other plugins carry on, and a well-behaved plugin still installs.
 */
@RunWith(PaxExam.class)
public class ValidationIT extends MilkBottleTestSupport {

    private Path markers;

    @Before
    public void prepare() throws Exception {
        markers = markerFolder();
        manager.install(InstallRequest.of("test", helloJar().toString()));
    }

    private void assertRefusedBeforeRunning(String name, Path jar, String rule) throws Exception {
        long[] before = Arrays.stream(context.getBundles()).mapToLong(Bundle::getBundleId).toArray();
        String error = expectError(() -> manager.install(InstallRequest.of("test", jar.toString())));
        assertTrue(error, error.contains("Refused by validation"));
        assertTrue(name + " refusal names " + rule + ": " + error, error.contains("[" + rule + "]"));
        assertFalse(name + " never installed", bundle(name).isPresent());
        assertTrue(Arrays.equals(before, Arrays.stream(context.getBundles()).mapToLong(Bundle::getBundleId).toArray()));
        assertFalse(name + "'s code never ran", Files.exists(markers.resolve(name)));
        // the runtime and the other plugins are unaffected
        assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.example.hello").orElseThrow().getState());
        assertEquals("Hello, Kit!", shell("hello:greet Kit").trim());
    }

    private TestBundles hostile(String name, Class<?> activator) {
        return TestBundles.plugin(name, "1.0.0").activator(activator).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write");
    }

    @Test
    public void aPluginCallingSystemExitIsRefused() throws Exception {
        assertRefusedBeforeRunning("exits", hostile("exits", ExitingActivator.class).writeTo(work("x"), "x.jar"),
                "trust.permission-not-allowed");
    }

    @Test
    public void aPluginRunningAProcessWithoutDeclaringItIsRefused() throws Exception {
        Path jar = hostile("runs.process", ProcessActivator.class).writeTo(work("p"), "p.jar");
        // from a local file it is untrusted, and an untrusted plugin may not start processes at all
        assertRefusedBeforeRunning("runs.process", jar, "trust.permission-not-allowed");
        String report = shell("mb:validate " + jar);
        assertTrue(report, report.contains("REFUSED") && report.contains("needs permission 'process'"));
    }

    @Test
    public void aSimulationValidatesAsTheInstallWouldAndRecordsNothing() throws Exception {
        Path jar = hostile("simulated.process", ProcessActivator.class).writeTo(work("sim"), "sim.jar");
        String auditBefore = shell("mb:audit 100");
        String simulated = shell("mb:install --simulate " + jar);
        assertTrue(simulated, simulated.contains("needs permission 'process'")
                && simulated.contains("[trust.permission-not-allowed]"));
        assertEquals("a simulation records no decision", auditBefore, shell("mb:audit 100"));
        assertFalse(bundle("simulated.process").isPresent());
        assertFalse(Files.exists(markers.resolve("simulated.process")));
    }

    @Test
    public void aPluginStoppingTheSystemBundleIsRefused() throws Exception {
        Path jar = hostile("stops.framework", SystemBundleStopper.class).writeTo(work("s"), "s.jar");
        assertRefusedBeforeRunning("stops.framework", jar, "trust.permission-not-allowed");
        String json = shell("mb:validate --json " + jar);
        assertTrue(json, json.contains("\"symbolicName\" : \"stops.framework\"") && json.contains("framework"));
    }

    @Test
    public void aPluginRegisteringAResolverHookIsRefused() throws Exception {
        Path jar = hostile("hooks.resolver", HookRegistrar.class)
                .importPackage("org.osgi.framework.hooks.resolver,org.osgi.framework.wiring")
                .writeTo(work("h"), "h.jar");
        assertRefusedBeforeRunning("hooks.resolver", jar, "permissions.undeclared");
    }

    @Test
    public void anEntryEscapingTheArchiveIsRefused() throws Exception {
        Path jar = hostile("escapes", MarkerActivator.class).resource("../../x", "owned").writeTo(work("e"), "e.jar");
        assertRefusedBeforeRunning("escapes", jar, "archive.path-traversal");
    }

    @Test
    public void aZipBombIsRefused() throws Exception {
        Path jar = hostile("bomb", MarkerActivator.class).resource("zeros.bin", new byte[30 * 1024 * 1024])
                .writeTo(work("b"), "b.jar");
        assertTrue("compressed small", Files.size(jar) < 1024 * 1024);
        assertRefusedBeforeRunning("bomb", jar, "archive.compression-ratio");
    }

    @Test
    public void aTamperedSignedJarIsRefusedEvenFromATrustedPublisher() throws Exception {
        Signing publisher = new Signing(work("keys"), "tamper-publisher");
        shell("mb:trust add " + publisher.exportCertificate(work("cert").resolve("publisher.pem")));
        Path signed = publisher.sign(hostile("tampered", MarkerActivator.class).writeTo(work("t"), "t.jar"));
        String activator = MarkerActivator.class.getName().replace('.', '/') + ".class";
        byte[] other;
        try (var in = ExitingActivator.class.getClassLoader().getResourceAsStream(
                ExitingActivator.class.getName().replace('.', '/') + ".class")) {
            other = in.readAllBytes();
        }
        Path tampered = TestBundles.tamper(signed, activator, other, work("t2").resolve("tampered.jar"));
        assertRefusedBeforeRunning("tampered", tampered, "signature.tampered");
    }

    @Test
    public void realLibrariesFromMavenCentralInstallWithoutBeingVetoed() throws Exception {
        String output = shell("mb:install mvn:com.google.guava/failureaccess/1.0.2 "
                + "mvn:com.google.guava/guava/33.3.1-jre");
        assertTrue(output, output.contains("Installed com.google.guava 33.3.1.jre: ACTIVE"));
        String audit = shell("mb:audit");
        assertTrue(audit, audit.contains("APPROVED  shell  com.google.guava") && !audit.contains("VETOED"));
        assertTrue(audit, audit.contains("trust source (SHA-256 matches the checksum published by the trusted Maven "
                + "repository") || audit.contains("trust source (SHA-1 matches"));
        // the very same bytes as a local file vouch for nothing: refused, saying how to proceed
        String report = shell("mb:validate -v " + System.getProperty("maven.repo.local")
                + "/com/google/guava/guava/33.3.1-jre/guava-33.3.1-jre.jar");
        assertTrue(report, report.contains("REFUSED") && report.contains("(library)")
                && report.contains("trust        untrusted") && report.contains("mb:trust-allow "));
    }

    @Test
    public void aFragmentOfTheCoreIsRefused() throws Exception {
        Path jar = TestBundles.plugin("core.fragment", "1.0.0").header("Fragment-Host", "org.milkbottle.core")
                .writeTo(work("f"), "f.jar");
        assertRefusedBeforeRunning("core.fragment", jar, "protection.fragment-of-runtime");
    }

    @Test
    public void aPluginExportingTheRuntimeApiIsRefused() throws Exception {
        Path jar = TestBundles.plugin("api.thief", "1.0.0").exportPackage("org.milkbottle.api;version=1.0.0")
                .writeTo(work("t"), "t.jar");
        assertRefusedBeforeRunning("api.thief", jar, "protection.exports-runtime-package");
    }

    @Test
    public void importingFrameworkHooksNeedsTheFrameworkPermission() throws Exception {
        Path jar = TestBundles.plugin("hook.importer", "1.0.0").importPackage("org.osgi.framework.hooks.service")
                .writeTo(work("i"), "i.jar");
        assertRefusedBeforeRunning("hook.importer", jar, "permissions.undeclared");
    }

    @Test
    public void privilegedServicesAreHiddenFromPluginsWithoutTheFrameworkPermission() throws Exception {
        Path plain = TestBundles.plugin("probe.plain", "1.0.0").activator(
                org.milkbottle.itests.fixtures.ServiceProbeActivator.class).importPackage("org.osgi.util.tracker")
                .header("MilkBottle-Permissions", "file-write").writeTo(work("p1"), "p1.jar");
        Path trusted = TestBundles.plugin("probe.framework", "1.0.0").activator(
                org.milkbottle.itests.fixtures.ServiceProbeActivator.class).importPackage("org.osgi.util.tracker")
                .header("MilkBottle-Permissions", "file-write, framework").writeTo(work("p2"), "p2.jar");
        // 'framework' is only for plugins signed by a trusted publisher
        String refused = expectError(() -> manager.install(InstallRequest.of("test", trusted.toString())));
        assertTrue(refused, refused.contains("[trust.permission-not-allowed]"));
        Signing publisher = new Signing(work("keys"), "probe-publisher");
        publisher.sign(trusted);
        shell("mb:trust add " + publisher.exportCertificate(work("cert").resolve("probe.pem")));
        manager.install(InstallRequest.of("test", plain.toString(), trusted.toString()));
        assertEquals("PluginManager=hidden ConfigurationAdmin=hidden",
                Files.readString(markers.resolve("probe.plain")));
        assertEquals("PluginManager=visible ConfigurationAdmin=visible",
                Files.readString(markers.resolve("probe.framework")));
    }

    @Test
    public void incompleteMetadataIsRefusedAndAWellBehavedPluginInstalls() throws Exception {
        Path anonymous = TestBundles.plugin("anonymous", "1.0.0").header("Bundle-Vendor", "")
                .header("Bundle-ContactAddress", "nobody").writeTo(work("a"), "a.jar");
        assertRefusedBeforeRunning("anonymous", anonymous, "metadata.contact");

        Path good = hostile("well.behaved", MarkerActivator.class).writeTo(work("g"), "g.jar");
        manager.install(InstallRequest.of("test", good.toString()));
        assertEquals(Bundle.ACTIVE, bundle("well.behaved").orElseThrow().getState());
        assertTrue(Files.exists(markers.resolve("well.behaved")));

        String audit = shell("mb:audit");
        assertTrue(audit, audit.contains("VETOED") && audit.contains("anonymous") && audit.contains("APPROVED")
                && audit.contains("well.behaved") && audit.contains("metadata.contact"));
    }
}
