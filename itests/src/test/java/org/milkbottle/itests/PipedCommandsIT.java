package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/**
 * A program driving the runtime through a pipe: each command read from standard input runs as its line
 * arrives, and its result is printed before the next line is written — not after the end of input. And README's
 * first command, {@code echo 'mb:list' | java -jar milkbottle.jar}: the runtime answers, stops cleanly and says
 * nothing on its way out, whenever the start of the bundles the prompt does not need (the marketplace, its web
 * server and database) falls in that short life.
 */
public class PipedCommandsIT {

    private Path workdir;

    @Before
    public void freshWorkingFolder() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("piped-it")), "run-");
    }

    @Test
    public void eachCommandFromAPipeRunsAsItsLineArrives() throws Exception {
        try (LauncherProcess runtime = LauncherProcess.start(workdir, List.of())) {
            runtime.write("mb:list\n");
            runtime.awaitOutput("No plugins installed.", Duration.ofSeconds(90));
            assertTrue("standard input is still open: " + runtime.describe(), runtime.isAlive());

            runtime.write("mb:list \\\n  --all\n"); // a continued line runs once it is complete
            runtime.awaitOutput("KIND", Duration.ofSeconds(30));
            assertTrue(runtime.describe(), runtime.isAlive());

            runtime.write("mb:info org.milkbottle.core\n");
            runtime.closeInput();
            assertEquals(runtime.describe(), 0, runtime.awaitExit(Duration.ofSeconds(60)));
            assertTrue(runtime.describe(), runtime.out().contains("org.milkbottle.core"));
        }
    }

    @Test
    public void theFirstFailingCommandStopsTheRuntimeWithStatusOneWhileTheInputIsStillOpen() throws Exception {
        try (LauncherProcess runtime = LauncherProcess.start(workdir, List.of())) {
            runtime.write("mb:list\nmb:install /no/such/file.jar\n");
            // the input stays open: the failure alone ends the batch
            assertEquals(runtime.describe(), 1, runtime.awaitExit(Duration.ofSeconds(90)));
            assertTrue(runtime.describe(), runtime.out().contains("No plugins installed."));
            assertTrue(runtime.describe(), runtime.err().contains("File not found: /no/such/file.jar"));
        }
    }

    private LauncherIT.Run pipe(String input, String... jvmOptions) throws Exception {
        Path script = Files.writeString(workdir.resolve("input.txt"), input, StandardCharsets.UTF_8);
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");
        Process process = LauncherIT.java(workdir, List.of(jvmOptions)).redirectInput(script.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not exit within 120 s: " + Files.readString(out));
        }
        return new LauncherIT.Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void assertAnsweredAndStoppedQuietly(LauncherIT.Run run) {
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.toString(), run.out().contains("No plugins installed"));
        assertFalse(run.toString(), run.err().contains("Exception"));
        assertFalse(run.toString(), run.err().contains("Unable to resolve"));
    }

    /**
     * The end of input comes straight after the command: the shell never waits for a user, so the web server and
     * the database are not started only to be stopped (the marketplace's database is never created).
     */
    @Test
    public void aPipedCommandAndItsEndOfInputDoNotStartTheMarketplace() throws Exception {
        // the fallback (2 s after the plugins) pushed out of the way: this test is about the shell's idle signal
        LauncherIT.Run first = pipe("mb:list\n", "-Dmilkbottle.deferredStartSeconds=600");
        LauncherIT.Run restart = pipe("mb:list\n", "-Dmilkbottle.deferredStartSeconds=600");

        assertAnsweredAndStoppedQuietly(first);
        assertAnsweredAndStoppedQuietly(restart);
        assertFalse("the marketplace's database was created",
                Files.exists(workdir.resolve("data/milkbottle/marketplace/db/marketplace.mv.db")));
    }

    /**
     * The deferred start fires at once (no wait after the plugins) while the piped command runs and the runtime
     * stops: its start-level request raced with Felix's shutdown and Felix started the marketplace's bundles while
     * it closed them (NullPointerExceptions and "Unable to resolve" on standard error). Several lives, since the
     * moment moves from run to run; StartLevelRaiseTest holds the ordering itself.
     */
    @Test
    public void aDeferredStartFallingInTheStopLeavesNothingOnStandardError() throws Exception {
        for (int life = 0; life < 4; life++) {
            assertAnsweredAndStoppedQuietly(pipe("mb:list\n", "-Dmilkbottle.deferredStartSeconds=0"));
        }
    }
}
