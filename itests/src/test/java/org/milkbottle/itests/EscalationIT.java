package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.hostile.Refusals.NOT_ALLOWED;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.hostile.HostileJars;
import org.milkbottle.itests.hostile.LeavesMark;
import org.milkbottle.itests.hostile.Marks;
import org.milkbottle.itests.hostile.Refusals;
import org.milkbottle.itests.hostile.RunsProcessBuilder;
import org.milkbottle.itests.hostile.TampersWithTrustState;
import org.milkbottle.validation.testing.Signing;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * A plugin allowed only to write files tries to raise itself: it overwrites the trust store and the
 * operator's allow list in the data folder, or takes an installed plugin's name. The runtime notices the
 * tampering and honours none of it; an update keeps the installed plugin's provenance.
 */
@RunWith(PaxExam.class)
public class EscalationIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";
    private Path markers;
    private Path data;

    /**
     * The data folder is the validation bundle's own data area, new with each test's framework (a folder
     * given by milkbottle.data would be shared by all the methods of this class, tampering included). The
     * hostile plugin is told where it is; an attacker with the same user account finds it.
     */
    @Before
    public void aGoodPluginIsRunning() throws Exception {
        markers = markerFolder();
        data = bundle("org.milkbottle.validation").orElseThrow().getBundleContext().getDataFile("").toPath()
                .toAbsolutePath();
        System.setProperty(TampersWithTrustState.DATA_FOLDER, data.toString());
        manager.install(InstallRequest.of("test", helloJar().toString()));
        String list = shell("mb:trust list");
        assertFalse("nothing tampered with yet: " + list, list.contains("WARNING"));
    }

    @Test
    public void aTrustStoreOverwrittenBehindTheRuntimesBackIsReportedAndTrustsNoAttacker() throws Exception {
        Signing publisher = new Signing(work("keys"), "honest-publisher");
        shell("mb:trust add " + publisher.exportCertificate(work("cert").resolve("honest.pem")));
        Signing attacker = new Signing(work("keys"), "attacker");
        // what the plugin's code would do with its file-write permission
        Files.write(data.resolve("truststore.p12"), trustStoreWith(attacker));

        String list = shell("mb:trust list");
        assertTrue(list, list.contains("WARNING") && list.contains("trust store") && !list.contains("attacker"));
        assertAttackerSignedFrameworkPluginRefused(attacker);
    }

    @Test
    public void anAllowListOverwrittenBehindTheRuntimesBackAllowsNothing() throws Exception {
        Path hostile = HostileJars.plugin("allowed.process", RunsProcessBuilder.class).writeTo(work("h"), "h.jar");
        shell("mb:trust allow " + "0".repeat(64) + " honest");
        Files.write(data.resolve("allowed.json"), allowListFor(hostile));

        String list = shell("mb:trust list");
        assertTrue(list, list.contains("WARNING") && list.contains("allow list") && !list.contains(sha256(hostile)));
        assertRefused("allowed.process", hostile, "process");
    }

    @Test
    public void aPluginWithOnlyFileWriteThatOverwritesTheTrustStateGainsNothing() throws Exception {
        Signing attacker = new Signing(work("keys"), "attacker");
        Path hostile = HostileJars.plugin("planted.process", RunsProcessBuilder.class).writeTo(work("h"), "h.jar");
        Path escalating = HostileJars.plugin("escalates", TampersWithTrustState.class)
                .resource("planted/truststore.p12", trustStoreWith(attacker))
                .resource("planted/allowed.json", allowListFor(hostile)).writeTo(work("e"), "escalates.jar");
        // file-write is all it declares and all it uses: an untrusted plugin may hold that, so it runs
        shell("mb:install " + escalating);
        await("the plugin overwrote the trust state", () -> Files.exists(markers.resolve("escalates.planted")));
        assertTrue(Files.exists(data.resolve("truststore.p12")) && Files.exists(data.resolve("allowed.json")));

        String list = shell("mb:trust list");
        assertTrue(list, list.contains("WARNING: the trust store") && list.contains("WARNING: the allow list"));
        assertFalse(list, list.contains("attacker") || list.contains(sha256(hostile)));
        assertAttackerSignedFrameworkPluginRefused(attacker);
        assertRefused("planted.process", hostile, "process");
    }

    @Test
    public void aLocalFileWithTheNameOfAnInstalledPluginDoesNotSilentlyUpdateIt() throws Exception {
        Path original = victim("1.0.0").writeTo(work("original"), "victim.jar");
        shell("mb:install " + original);
        Bundle victim = bundle("victim").orElseThrow();
        Files.delete(markers.resolve("victim"));

        Path impostor = victim("2.0.0").writeTo(work("impostor"), "victim.jar");
        String error = errorOf("mb:install " + impostor);
        assertTrue(error, error.contains("victim") && error.contains("--replace"));
        // the jar itself passes (mb:validate approves it): the refusal does not send the user there
        assertTrue(error, error.contains("Refused (nothing was installed)") && !error.contains("mb:validate"));
        assertEquals("1.0.0", victim.getVersion().toString());
        assertEquals(Bundle.ACTIVE, victim.getState());
        assertFalse("the impostor's code never ran", Files.exists(markers.resolve("victim")));
        assertAlive();

        // the operator says so: then it replaces it
        String replaced = shell("mb:install --replace " + impostor);
        assertTrue(replaced, replaced.contains("victim 2.0.0"));
        assertEquals("2.0.0", bundle("victim").orElseThrow().getVersion().toString());
    }

    @Test
    public void theDeployFolderDoesNotReplaceAPluginInstalledByTheShell() throws Exception {
        Path original = victim("1.0.0").writeTo(work("original"), "victim.jar");
        shell("mb:install " + original);
        Files.delete(markers.resolve("victim"));
        Path folder = watchedDeployFolder();
        Path staged = victim("2.0.0").writeTo(work("staged"), "victim.jar");
        Files.move(staged, folder.resolve("victim.jar"));

        await("the deploy folder refused it", () -> manager.history().stream().anyMatch(t -> t.message() != null
                && t.message().contains("the deploy folder only manages plugins it installed itself")));
        assertEquals("handed over once", 1, awaitDeployIdle(folder, 1));
        Bundle victim = bundle("victim").orElseThrow();
        assertEquals("1.0.0", victim.getVersion().toString());
        assertEquals(Bundle.ACTIVE, victim.getState());
        assertEquals(original.toString(), manager.list(false).stream().filter(p -> p.symbolicName().equals("victim"))
                .findFirst().orElseThrow().source());
        assertFalse("the dropped jar's code never ran", Files.exists(markers.resolve("victim")));
        assertAlive();
    }

    @Test
    public void theTrustCommandsAnswerUnderTheirDocumentedNames() throws Exception {
        // the steps above use the older 'mb:trust list' form; the documented one must answer the same
        assertEquals(shell("mb:trust list"), errorOf("mb:trust-list").replace("no error; printed:\n", ""));
    }

    // ---- helpers

    private static TestBundles victim(String version) {
        return TestBundles.plugin("victim", version).activator(LeavesMark.class).addClass(Marks.class)
                .header("MilkBottle-Permissions", "file-write");
    }

    /** A jar the attacker signed, asking for 'framework': refused, the planted trust store notwithstanding. */
    private void assertAttackerSignedFrameworkPluginRefused(Signing attacker) throws Exception {
        Path jar = attacker.sign(TestBundles.plugin("attacker.framework", "1.0.0").activator(LeavesMark.class)
                .addClass(Marks.class).header("MilkBottle-Permissions", "file-write, framework")
                .writeTo(work("signed"), "attacker.jar"));
        String report = shell("mb:validate " + jar);
        assertTrue(report, report.contains("REFUSED") && !report.contains("signature    trusted"));
        assertRefused("attacker.framework", jar, "framework");
    }

    private void assertRefused(String name, Path jar, String permission) throws Exception {
        String error = errorOf("mb:install " + jar);
        Refusals.assertNames(name, error, NOT_ALLOWED, permission);
        assertFalse(name + " is installed", bundle(name).isPresent());
        assertFalse(name + "'s code ran", Files.exists(markers.resolve(name)));
        assertAlive();
    }

    private void assertAlive() throws Exception {
        assertEquals(Bundle.ACTIVE, context.getBundle(0).getState());
        assertEquals(Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
        assertTrue(shell("mb:list").contains(HELLO));
    }

    /** A PKCS#12 trust store, as MilkBottle writes them (fixed password), trusting the attacker's certificate. */
    private byte[] trustStoreWith(Signing attacker) throws Exception {
        Path pem = attacker.exportCertificate(work("attacker-cert").resolve("attacker.pem"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = "milkbottle".toCharArray();
        store.load(null, password);
        try (InputStream in = Files.newInputStream(pem)) {
            store.setCertificateEntry("attacker", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    /** An allow list, in the format mb:trust-allow writes, allowing exactly {@code jar}. */
    private static byte[] allowListFor(Path jar) throws Exception {
        return ("[ {\n  \"sha256\" : \"" + sha256(jar) + "\",\n  \"reason\" : \"planted\",\n  \"time\" : "
                + "\"2026-01-01T00:00:00Z\"\n} ]").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private String errorOf(String command) {
        try {
            return "no error; printed:\n" + shell(command);
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }
}
