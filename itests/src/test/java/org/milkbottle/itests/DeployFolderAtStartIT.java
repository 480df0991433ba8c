package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
