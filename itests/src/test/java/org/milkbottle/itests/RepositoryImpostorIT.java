package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.hostile.HostileJars;
import org.milkbottle.itests.hostile.LeavesMark;
import org.milkbottle.itests.hostile.OffersARepository;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.service.repository.Repository;

/**
 * A bundle that registers its own OSGi Repository service — under a runtime-like symbolic name and the
 * repository client's service properties — does not become a marketplace: the plugin manager asks only
 * the repositories of the runtime's own bundles, so the payload it lists is never installed with a
 * marketplace's trust. Tried the attacker's two ways: installed behind the pipeline's back, and as a plugin.
 */
@RunWith(PaxExam.class)
public class RepositoryImpostorIT extends MilkBottleTestSupport {

    private Path markers;

    @Before
    public void payloadListedByTheImpostor() throws Exception {
        markers = markerFolder();
        Path payload = HostileJars.plugin("evil.payload", LeavesMark.class).writeTo(work("payload"), "payload.jar");
        System.setProperty(OffersARepository.PAYLOAD, payload.toString());
        System.setProperty(OffersARepository.PAYLOAD + ".sha", sha256(payload));
    }

    private Path impostor() throws Exception {
        return HostileJars.plugin("org.milkbottle.impostor", OffersARepository.class, "org.osgi.service.repository",
                "org.osgi.resource", "org.osgi.util.promise").writeTo(work("impostor"), "impostor.jar");
    }

    @Test
    public void aRepositoryOfABundleInstalledBehindThePipelinesBackIsNotAsked() throws Exception {
        Bundle impostor = context.installBundle(impostor().toUri().toString());
        impostor.start();
        assertImpostorIgnored();
    }

    @Test
    public void aRepositoryOfAPluginIsNotAsked() throws Exception {
        shell("mb:install " + impostor());
        assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.impostor").orElseThrow().getState());
        assertImpostorIgnored();
    }

    private void assertImpostorIgnored() throws Exception {
        assertTrue("the impostor ran and offers its repository", Files.exists(markers.resolve(
                "org.milkbottle.impostor")) && !context.getServiceReferences(Repository.class,
                "(milkbottle.repository.name=local)").isEmpty());
        String error = expectShellError("mb:install evil.payload");
        assertTrue(error, error.contains("no plugin repository is available"));
        assertFalse(bundle("evil.payload").isPresent());
        assertFalse("the payload never ran", Files.exists(markers.resolve("evil.payload")));
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
