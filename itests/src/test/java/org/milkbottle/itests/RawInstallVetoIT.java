package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.fixtures.ExitingActivator;
import org.milkbottle.itests.fixtures.MarkerActivator;
import org.milkbottle.itests.fixtures.Markers;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The veto holds for bundles that bypass MilkBottle: a raw BundleContext.installBundle (what
 * felix:install does) of a hostile bundle never resolves, never runs, and is uninstalled.
 */
@RunWith(PaxExam.class)
public class RawInstallVetoIT extends MilkBottleTestSupport {

    private Path markers;

    @Before
    public void prepare() throws Exception {
        markers = markerFolder();
    }

    private Bundle rawInstall(Path jar) throws Exception {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle("file:" + jar, in);
        }
    }

    @Test
    public void aHostileBundleInstalledBehindMilkBottlesBackNeverRunsAndIsRemoved() throws Exception {
        Path jar = TestBundles.plugin("raw.exits", "1.0.0").activator(ExitingActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(work("raw"), "raw.jar");
        Bundle hostile = rawInstall(jar);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        assertFalse("a vetoed bundle must not resolve", wiring.resolveBundles(List.of(hostile)));
        try {
            hostile.start();
            fail("a vetoed bundle must not start");
        } catch (BundleException | IllegalStateException expected) {
            // unresolvable, or already uninstalled
        }
        await("vetoed bundle uninstalled", () -> hostile.getState() == Bundle.UNINSTALLED);
        assertFalse(Files.exists(markers.resolve("raw.exits")));
        String audit = shell("mb:audit");
        assertTrue(audit, audit.contains("VETOED") && audit.contains("framework") && audit.contains("raw.exits")
                && audit.contains("trust.permission-not-allowed"));
    }

    @Test
    public void aHostileRawUpdateIsUndoneAndThePreviousVersionRunsAgain() throws Exception {
        Path good = TestBundles.plugin("raw.updated", "1.0.0").activator(MarkerActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(work("v1"), "v1.jar");
        Bundle bundle = rawInstall(good);
        bundle.start();
        assertEquals(Bundle.ACTIVE, bundle.getState());

        Path hostile = TestBundles.plugin("raw.updated", "2.0.0").activator(ExitingActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("v2"), "v2.jar");
        Files.delete(markers.resolve("raw.updated"));
        try (InputStream in = Files.newInputStream(hostile)) {
            bundle.update(in);
        } catch (BundleException expected) {
            // the framework cannot restart it: the hook keeps the vetoed revision unresolved
        }
        await("previous version back and running", () -> bundle.getVersion().toString().equals("1.0.0")
                && bundle.getState() == Bundle.ACTIVE);
        assertTrue("the restored version ran again", Files.exists(markers.resolve("raw.updated")));
        String audit = shell("mb:audit");
        assertTrue(audit, audit.contains("VETOED") && audit.contains("raw.updated 2.0.0"));
    }

    @Test
    public void aHostileRawUpdateOfAPluginInstalledThroughMilkBottleIsUndone() throws Exception {
        Path good = TestBundles.plugin("managed.updated", "1.0.0").activator(MarkerActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("m1"), "m1.jar");
        manager.install(org.milkbottle.api.InstallRequest.of("test", good.toString()));
        Bundle bundle = bundle("managed.updated").orElseThrow();
        assertEquals(Bundle.ACTIVE, bundle.getState());
        // the guard keeps its copy of the approved content in the background
        await("copy of the approved content kept", () -> Files.exists(validationData().resolve("approved").resolve(bundle.getBundleId() + ".jar")));

        Path hostile = TestBundles.plugin("managed.updated", "2.0.0").activator(ExitingActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("m2"), "m2.jar");
        Files.delete(markers.resolve("managed.updated"));
        try (InputStream in = Files.newInputStream(hostile)) {
            bundle.update(in);
        } catch (BundleException expected) {
            // the hook keeps the vetoed revision unresolved, so the framework cannot restart it
        }
        await("previous version back and running", () -> bundle.getVersion().toString().equals("1.0.0")
                && bundle.getState() == Bundle.ACTIVE);
        assertTrue("the restored version ran again", Files.exists(markers.resolve("managed.updated")));
        assertTrue(shell("mb:list"), shell("mb:list").contains("managed.updated"));
    }

    @Test
    public void aHostileRawUpdateRightAfterEachPipelineUpdateIsUndoneWhateverTheTiming() throws Exception {
        Path hostile = TestBundles.plugin("quick.updated", "9.0.0").activator(ExitingActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("q9"), "q9.jar");
        Path first = TestBundles.plugin("quick.updated", "1.0.0").activator(MarkerActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("q1"), "q.jar");
        manager.install(org.milkbottle.api.InstallRequest.of("test", first.toString()));
        Bundle bundle = bundle("quick.updated").orElseThrow();
        for (int round = 2; round <= 6; round++) {
            String version = round + ".0.0";
            Path next = TestBundles.plugin("quick.updated", version).activator(MarkerActivator.class)
                    .addClass(Markers.class).header("MilkBottle-Permissions", "file-write")
                    .writeTo(work("q" + round), "q.jar");
            manager.update("quick.updated", java.util.Optional.of(next.toString()), "test", true);
            // at once: no waiting for the guard to keep its copy of what was approved
            try (InputStream in = Files.newInputStream(hostile)) {
                bundle.update(in);
            } catch (BundleException expected) {
                // the hook keeps the vetoed revision unresolved
            }
            await("version " + version + " back and running", () -> bundle.getVersion().toString().equals(version)
                    && bundle.getState() == Bundle.ACTIVE);
        }
        String audit = shell("mb:audit 40");
        assertFalse(audit, audit.contains("quick.updated 9.0.0") && audit.contains("APPROVED  framework  quick"));
    }

    @Test
    public void aRawInstallUnderAJustApprovedNameAndVersionIsJudgedByItsOwnContent() throws Exception {
        Path good = TestBundles.plugin("approved.name", "1.0.0").activator(MarkerActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("a1"), "a.jar");
        Path hostile = TestBundles.plugin("approved.name", "1.0.0").activator(ExitingActivator.class)
                .addClass(Markers.class).header("MilkBottle-Permissions", "file-write").writeTo(work("a2"), "a.jar");
        org.milkbottle.validation.api.Validator validator = context.getService(
                context.getServiceReference(org.milkbottle.validation.api.Validator.class));
        // the pipeline's approval of the good jar, whose install has not happened yet
        assertTrue(validator.approve(good, "a.jar", "test").approved());
        Bundle masquerade;
        try (InputStream in = Files.newInputStream(hostile)) {
            masquerade = context.installBundle("milkbottle:approved.name", in);
        }
        await("the masquerade vetoed and removed", () -> masquerade.getState() == Bundle.UNINSTALLED);
        assertFalse(Files.exists(markers.resolve("approved.name")));
        String audit = shell("mb:audit 3");
        assertTrue(audit, audit.contains("VETOED") && audit.contains("approved.name 1.0.0"));
    }

    /** The validation bundle's own data folder inside the framework storage. */
    private Path validationData() {
        Bundle validation = bundle("org.milkbottle.validation").orElseThrow();
        return Path.of(validation.getBundleContext().getDataFile("").getAbsolutePath());
    }

    @Test
    public void aGoodBundleInstalledDirectlyIsApprovedAndRunsWhileAnotherIsVetoed() throws Exception {
        Path bad = TestBundles.plugin("raw.bad", "1.0.0").activator(ExitingActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(work("bad"), "bad.jar");
        Path good = TestBundles.plugin("raw.good", "1.0.0").activator(MarkerActivator.class).addClass(Markers.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(work("good"), "good.jar");
        Bundle hostile = rawInstall(bad);
        Bundle fine = rawInstall(good);
        // resolving both at once: the vetoed one is filtered out, the good one and everything already
        // resolved keep their wiring (regression test for the Felix resolver hook pitfall)
        context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(hostile, fine));
        fine.start();
        assertEquals(Bundle.ACTIVE, fine.getState());
        assertTrue(Files.exists(markers.resolve("raw.good")));
        await("vetoed bundle uninstalled", () -> hostile.getState() == Bundle.UNINSTALLED);
        assertFalse(Files.exists(markers.resolve("raw.bad")));
        assertEquals(Bundle.ACTIVE, bundle("org.apache.felix.scr").orElseThrow().getState());
        assertTrue(shell("mb:list").contains("No plugins installed"));
    }
}
