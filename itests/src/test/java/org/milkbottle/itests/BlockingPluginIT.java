package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.milkbottle.itests.InstallIT.expectError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.Transaction;
import org.milkbottle.itests.blocking.NeverActivatingComponent;
import org.milkbottle.itests.blocking.NeverStartingActivator;
import org.milkbottle.itests.blocking.NeverStoppingActivator;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Blocking code cannot take the runtime with it: a plugin whose start or stop never returns (and ignores
 * interrupts) makes its request fail within the start limit; the plugin manager's lock is free again, the failure
 * is in history, the deploy folder goes on working, and the blocked bundle is left out of the managed state,
 * refused, and uninstalled once its code returns.
 */
@RunWith(PaxExam.class)
public class BlockingPluginIT extends MilkBottleTestSupport {

    /** The start limit these tests set; a request must fail well within LIMIT + slack. */
    private static final double LIMIT_SECONDS = 1.5;
    private static final long SLACK_NANOS = 8_000_000_000L;

    private Path folder;
    /** Blocked plugins to let go at the end, so the framework can stop. */
    private final List<Release> releases = new ArrayList<>();

    private record Release(String symbolicName, Class<?> blocker) {
    }

    @Before
    public void shortLimitAndAFolderOfOurOwn() throws Exception {
        startTimeoutSeconds(LIMIT_SECONDS);
        folder = watchedDeployFolder();
    }

    @After
    public void letTheBlockedCodeGo() throws Exception {
        for (Release release : releases) {
            release(release);
        }
    }

    @Test
    public void anActivatorThatNeverReturnsFailsTheInstallAndTheRuntimeGoesOn() throws Exception {
        Path jar = TestBundles.plugin("never.starts", "1.0.0").activator(NeverStartingActivator.class)
                .writeTo(work("never-starts"), "never-starts.jar");
        releases.add(new Release("never.starts", NeverStartingActivator.class));

        String error = withinTheLimit(() -> manager.install(InstallRequest.of("test", jar.toString())));
        assertTrue(error, error.contains("never.starts 1.0.0 did not finish starting within 1 s"));
        assertTrue(error, error.contains("abandoned"));
        assertLastTransaction("install", Transaction.Status.FAILED);

        Bundle blocked = bundle("never.starts").orElseThrow();
        assertEquals("Felix still runs its activator", Bundle.STARTING, blocked.getState());
        assertFalse("started transiently: a restart must not start it",
                blocked.adapt(BundleStartLevel.class).isPersistentlyStarted());
        assertNotManaged("never.starts");
        assertRefused("never.starts", jar);
        assertTheRuntimeStillServes();

        release(new Release("never.starts", NeverStartingActivator.class));
        await("the abandoned bundle uninstalled once its activator returned", () -> bundle("never.starts").isEmpty());
        await("the list of abandoned bundles emptied", () -> !Files.exists(dataFile("abandoned-bundles.txt")));
        // and with it gone, the name is free again for the fixed plugin (from the same place)
        TestBundles.plugin("never.starts", "1.0.1").writeTo(jar.getParent(), jar.getFileName().toString());
        manager.install(InstallRequest.of("test", jar.toString()));
        assertEquals(Bundle.ACTIVE, bundle("never.starts").orElseThrow().getState());
    }

    @Test
    public void aBlockingPluginDroppedInTheDeployFolderDoesNotStopTheFolder() throws Exception {
        releases.add(new Release("never.starts", NeverStartingActivator.class));
        TestBundles.plugin("never.starts", "1.0.0").activator(NeverStartingActivator.class)
                .writeTo(folder, "never-starts.jar");
        await("the blocking plugin's install failed", () -> !manager.history().isEmpty()
                && manager.history().get(manager.history().size() - 1).status() == Transaction.Status.FAILED);
        String message = manager.history().get(manager.history().size() - 1).message();
        assertTrue(message, message.contains("did not finish starting"));

        TestBundles.plugin("good.dropped", "1.0.0").writeTo(folder, "good.jar");
        await("the good plugin dropped after the hang is active", () -> bundle("good.dropped")
                .map(b -> b.getState() == Bundle.ACTIVE).orElse(false));
        assertNotManaged("never.starts");
    }

    @Test
    public void aStopThatNeverReturnsFailsTheUninstallAndTheRuntimeGoesOn() throws Exception {
        Path jar = TestBundles.plugin("never.stops", "1.0.0").activator(NeverStoppingActivator.class)
                .writeTo(work("never-stops"), "never-stops.jar");
        manager.install(InstallRequest.of("test", jar.toString()));
        releases.add(new Release("never.stops", NeverStoppingActivator.class));

        String error = withinTheLimit(() -> manager.uninstall("never.stops", "test"));
        assertTrue(error, error.contains("never.stops 1.0.0 did not finish stopping within 1 s"));
        assertTrue(error, error.contains("abandoned"));
        assertLastTransaction("uninstall", Transaction.Status.FAILED);

        Bundle blocked = bundle("never.stops").orElseThrow();
        assertEquals(Bundle.STOPPING, blocked.getState());
        assertFalse("recorded as stopped: a restart must not start it",
                blocked.adapt(BundleStartLevel.class).isPersistentlyStarted());
        assertNotManaged("never.stops");
        assertRefused("never.stops", jar);
        assertTheRuntimeStillServes();

        release(new Release("never.stops", NeverStoppingActivator.class));
        await("the abandoned bundle uninstalled once its stop returned", () -> bundle("never.stops").isEmpty());
    }

    @Test
    public void aStopThatNeverReturnsFailsMbStopAndAnUpdate() throws Exception {
        Path stopped = TestBundles.plugin("never.stops", "1.0.0").activator(NeverStoppingActivator.class)
                .writeTo(work("never-stops"), "never-stops.jar");
        Path updated = TestBundles.plugin("never.updates", "1.0.0").activator(NeverStoppingActivator.class)
                .writeTo(work("never-updates"), "never-updates.jar");
        manager.install(new InstallRequest(List.of(stopped.toString(), updated.toString()), false, true, "test"));
        releases.add(new Release("never.stops", NeverStoppingActivator.class));
        releases.add(new Release("never.updates", NeverStoppingActivator.class));

        String error = withinTheLimit(() -> shell("mb:stop never.stops"));
        assertTrue(error, error.contains("never.stops 1.0.0 did not finish stopping within 1 s"));
        assertLastTransaction("stop", Transaction.Status.FAILED);
        assertNotManaged("never.stops");

        // version 2 from the same place (a plugin's provenance is kept across updates)
        TestBundles.plugin("never.updates", "2.0.0").writeTo(updated.getParent(), updated.getFileName().toString());
        String updateError = withinTheLimit(() -> manager.update("never.updates", Optional.empty(), "test"));
        assertTrue(updateError, updateError.contains("never.updates 1.0.0 did not finish stopping within 1 s"));
        assertLastTransaction("update", Transaction.Status.FAILED);
        assertEquals("the update did not happen", "1.0.0", bundle("never.updates").orElseThrow().getVersion()
                .toString());
        assertNotManaged("never.updates");
        assertTheRuntimeStillServes();
    }

    @Test
    public void aComponentWhoseActivateNeverReturnsFailsTheInstall() throws Exception {
        Path jar = TestBundles.plugin("never.activates", "1.0.0").immediateComponent(NeverActivatingComponent.class)
                .writeTo(work("never-activates"), "never-activates.jar");
        releases.add(new Release("never.activates", NeverActivatingComponent.class));

        String error = withinTheLimit(() -> manager.install(InstallRequest.of("test", jar.toString())));
        assertTrue(error, error.contains("never.activates 1.0.0 did not finish starting"));
        assertLastTransaction("install", Transaction.Status.FAILED);
        assertNotManaged("never.activates");
        assertTheRuntimeStillServes();
    }

    /** Runs a request that must fail, and checks that it failed within the limit (plus slack for a busy machine). */
    private String withinTheLimit(InstallIT.ThrowingAction request) {
        long started = System.nanoTime();
        String error = expectError(request);
        long took = System.nanoTime() - started;
        assertTrue("gave up after " + took / 1_000_000 + " ms", took < (long) (LIMIT_SECONDS * 1e9) + SLACK_NANOS);
        return error;
    }

    private void assertLastTransaction(String action, Transaction.Status status) {
        List<Transaction> history = manager.history();
        Transaction last = history.get(history.size() - 1);
        assertEquals(last.toString(), action, last.action());
        assertEquals(last.toString(), status, last.status());
    }

    /** Not in the plugin manager's state, nor in the state file a restart starts from. */
    private void assertNotManaged(String symbolicName) throws Exception {
        assertTrue(manager.installed().stream().noneMatch(p -> p.symbolicName().equals(symbolicName)));
        Path state = dataFile("state.json");
        assertFalse(symbolicName + " in " + state, Files.exists(state) && Files.readString(state).contains(symbolicName));
    }

    /** Requests that name the blocked plugin are refused at once, saying why. */
    private void assertRefused(String symbolicName, Path jar) throws Exception {
        String again = expectError(() -> manager.install(InstallRequest.of("test", jar.toString())));
        assertTrue(again, again.contains(symbolicName + " 1.0.0 was abandoned"));
        String start = expectError(() -> shell("mb:start " + symbolicName));
        assertTrue(start, start.contains("was abandoned"));
    }

    /** mb:list answers, the lock is free (a good install succeeds), and the deploy folder still works. */
    private void assertTheRuntimeStillServes() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.example.hello").orElseThrow().getState());
        String list = shell("mb:list");
        assertTrue(list, list.contains("hello"));
        assertEquals("Hello, Bo!", shell("hello:greet Bo").trim());
        TestBundles.plugin("good.dropped", "1.0.0").writeTo(folder, "good.jar");
        await("a good plugin dropped after the hang is active", () -> bundle("good.dropped")
                .map(b -> b.getState() == Bundle.ACTIVE).orElse(false));
    }

    private Path dataFile(String name) {
        Bundle core = FrameworkUtil.getBundle(PluginManager.class);
        return core.getBundleContext().getDataFile("milkbottle").toPath().resolve(name);
    }

    /** Lets the blocked code of the plugin return (its class is the plugin's own copy, reached by reflection). */
    private void release(Release release) throws Exception {
        for (Bundle bundle : context.getBundles()) {
            if (release.symbolicName().equals(bundle.getSymbolicName()) && bundle.getState() != Bundle.UNINSTALLED) {
                try {
                    bundle.loadClass(release.blocker().getName()).getField("released").setBoolean(null, true);
                } catch (ClassNotFoundException e) {
                    // a later, fixed plugin of that name: nothing blocks
                }
            }
        }
    }
}
