package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.Test;

/**
 * A program driving the runtime through a pipe: each command read from standard input runs as its line
 * arrives, and its result is printed before the next line is written — not after the end of input.
 */
public class PipedCommandsIT {

    @Test
    public void eachCommandFromAPipeRunsAsItsLineArrives() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("piped-it")), "run-");
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
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("piped-it")), "run-");
        try (LauncherProcess runtime = LauncherProcess.start(workdir, List.of())) {
            runtime.write("mb:list\nmb:install /no/such/file.jar\n");
            // the input stays open: the failure alone ends the batch
            assertEquals(runtime.describe(), 1, runtime.awaitExit(Duration.ofSeconds(90)));
            assertTrue(runtime.describe(), runtime.out().contains("No plugins installed."));
            assertTrue(runtime.describe(), runtime.err().contains("File not found: /no/such/file.jar"));
        }
    }
}
