package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * {@code --help} and a usage error are answered by the exported jar before the framework starts: at
 * once, without creating {@code data/} or {@code deploy/}, without binding the HTTP port.
 */
public class CommandLineUsageIT {

    /** Far less than a start of the runtime (several seconds), far more than a JVM start. */
    private static final long AT_ONCE_MILLIS = 3_000;

    private record Run(int exit, String out, String err, long millis, Path workdir) {
        @Override
        public String toString() {
            return "exit " + exit + " after " + millis + " ms\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private static Run run(String... args) throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("usage-it")), "run-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + MilkBottleTestSupport.freePort(),
                "-jar", System.getProperty("milkbottle.launcher.jar")));
        command.addAll(List.of(args));
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workdir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 60 s: " + Files.readString(out));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err), millis, workdir);
    }

    private static void assertNothingStarted(Run run) {
        assertTrue("answered at once: " + run, run.millis() < AT_ONCE_MILLIS);
        assertFalse("no data folder: " + run, Files.exists(run.workdir().resolve("data")));
        assertFalse("no deploy folder: " + run, Files.exists(run.workdir().resolve("deploy")));
    }

    @Test
    public void helpPrintsTheUsageAndExitsZeroWithoutStartingTheRuntime() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            Run run = run(flag);
            assertEquals(run.toString(), 0, run.exit());
            assertTrue(run.toString(), run.out().startsWith("Usage: java -jar milkbottle.jar"));
            assertNothingStarted(run);
        }
    }

    @Test
    public void aUsageErrorSaysWhatIsWrongAndExitsTwoWithoutStartingTheRuntime() throws Exception {
        // the three last ones started a runtime: a headless one that never returned, or one that ran nothing
        for (String[] args : List.of(new String[] {"--frobnicate"}, new String[] {"-c"}, new String[] {"-c", " "},
                new String[] {"--headless", "-c", "mb:list"}, new String[] {"--attach", "--headless", "-c", "mb:list"})) {
            Run run = run(args);
            assertEquals(run.toString(), 2, run.exit());
            assertTrue(run.toString(), run.err().startsWith("milkbottle: ") && run.err().contains("Usage:"));
            assertNothingStarted(run);
        }
    }
}
