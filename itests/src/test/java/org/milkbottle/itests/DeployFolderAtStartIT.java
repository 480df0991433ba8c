package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.Before;
import org.junit.Test;

/**
 * The deploy folder as found at start, seen by a one-shot run: "drop a jar into the deploy folder", then
 * {@code java -jar milkbottle.jar -c mb:list}. The batch runs once the folder has been applied — the jars in it
 * installed, a broken one refused with its reason, the plugin of a jar taken away uninstalled — where it used to
 * run (and the runtime stop) before the watcher had handed anything over, so that no one-shot run ever deployed.
 */
public class DeployFolderAtStartIT {

    private Path workdir;
    private Path deploy;

    @Before
    public void aFolderWithAJarInItsDeployFolder() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("deploy-at-start-it")), "run-");
        deploy = Files.createDirectories(workdir.resolve("deploy"));
        Files.copy(Path.of(System.getProperty("milkbottle.hello.bundle")), deploy.resolve("hello.jar"));
    }

    @Test
    public void aOneShotRunListsTheJarsDroppedBeforeItStarted() throws Exception {
        LauncherIT.Run first = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertEquals(first.toString(), 0, first.exit());
        assertTrue(first.toString(), first.out().contains("org.milkbottle.example.hello")
                && first.out().contains("ACTIVE"));
        assertTrue(first.toString(), (first.out() + first.err()).contains("Deployed hello.jar"));

        LauncherIT.Run restart = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertTrue(restart.toString(), restart.out().contains("org.milkbottle.example.hello"));
        // the jar is the plugin installed already: it is not deployed again, nor said to be at every start
        assertFalse(restart.toString(), (restart.out() + restart.err()).contains("Deployed hello.jar"));

        Files.delete(deploy.resolve("hello.jar"));
        LauncherIT.Run afterRemoval = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertEquals(afterRemoval.toString(), 0, afterRemoval.exit());
        assertTrue(afterRemoval.toString(), afterRemoval.out().contains("No plugins installed"));
    }

    @Test
    public void aDeployedPluginStoppedOrStartedByHandStaysSoAcrossRestarts() throws Exception {
        deployThenStopHello();

        // the jar found at start is the plugin installed from it, byte for byte: it is not handed to the pipeline
        // again, which used to start it (an install of a stopped plugin's same content starts it)
        LauncherIT.Run restart = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertEquals(restart.toString(), 0, restart.exit());
        // stopped, and resolved as it was before the restart
        assertTrue(restart.toString(), helloLine(restart).contains("RESOLVED"));

        LauncherIT.Run start = LauncherIT.run(workdir, List.of(), "-c", "mb:start org.milkbottle.example.hello");
        assertEquals(start.toString(), 0, start.exit());
        LauncherIT.Run again = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertTrue(again.toString(), helloLine(again).contains("ACTIVE"));
    }

    @Test
    public void aStoppedPluginUpdatedThroughTheFolderStaysStoppedAsWithMbUpdate() throws Exception {
        deployThenStopHello();
        Path v2 = TestBundles.withVersion(deploy.resolve("hello.jar"), "1.5.0",
                Files.createDirectories(workdir.resolve("v2")).resolve("hello.jar"));
        Files.copy(v2, deploy.resolve("hello.jar"), StandardCopyOption.REPLACE_EXISTING);

        LauncherIT.Run updated = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertTrue(updated.toString(), helloLine(updated).contains("1.5.0") && helloLine(updated).contains("RESOLVED"));
    }

    @Test
    public void aSecondCopyOfADeployedJarChangesNothingAndSaysSo() throws Exception {
        deployThenStopHello();
        Files.copy(deploy.resolve("hello.jar"), deploy.resolve("hello-copy.jar"));

        LauncherIT.Run withCopy = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertEquals(withCopy.toString(), 0, withCopy.exit());
        String said = withCopy.out() + withCopy.err();
        assertTrue(withCopy.toString(), said.contains("hello-copy.jar holds org.milkbottle.example.hello")
                && said.contains("installed from hello.jar already: nothing was changed"));
        assertTrue(withCopy.toString(), helloLine(withCopy).endsWith("hello.jar")); // still the first file's
        // not handed to the pipeline: the stopped plugin stays stopped, and nothing is recorded
        assertTrue(withCopy.toString(), helloLine(withCopy).contains("RESOLVED"));
        LauncherIT.Run history = LauncherIT.run(workdir, List.of(), "-c", "mb:history");
        assertFalse(history.toString(), history.out().contains("hello-copy.jar"));
    }

    /** A first run installs hello from the folder (ACTIVE); a second stops it by hand. */
    private void deployThenStopHello() throws Exception {
        LauncherIT.Run first = LauncherIT.run(workdir, List.of(), "-c", "mb:list");
        assertTrue(first.toString(), helloLine(first).contains("ACTIVE"));
        LauncherIT.Run stop = LauncherIT.run(workdir, List.of(), "-c", "mb:stop org.milkbottle.example.hello");
        assertEquals(stop.toString(), 0, stop.exit());
    }

    private static String helloLine(LauncherIT.Run run) {
        return run.out().lines().filter(line -> line.contains("org.milkbottle.example.hello")).findFirst()
                .orElseThrow(() -> new AssertionError("hello is not listed:\n" + run));
    }

    @Test
    public void aBrokenJarBesideAGoodOneIsRefusedWithItsReasonAndTheGoodOneIsInstalled() throws Exception {
        Files.writeString(deploy.resolve("broken.jar"), "this is not a zip");
        Files.setLastModifiedTime(deploy.resolve("broken.jar"),
                FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        LauncherIT.Run run = LauncherIT.run(workdir, List.of(), "-c", "mb:list");

        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.toString(), run.out().contains("org.milkbottle.example.hello"));
        assertFalse(run.toString(), run.out().contains("broken"));
        String said = run.out() + run.err();
        assertTrue(run.toString(), said.contains("Deploying broken.jar failed") && said.contains("not a valid jar"));
    }
}
