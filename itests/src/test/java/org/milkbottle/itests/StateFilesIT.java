package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;

/**
 * The exported runtime started on a data folder whose state files are damaged (empty or not JSON): it says
 * which file is wrong and what to do, exits with status 4, and leaves the folder unlocked, so that the start
 * after the file was repaired or moved aside works.
 */
public class StateFilesIT {

    private Path workdir;
    private Path state;

    /** What a run printed and how it ended. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    @Before
    public void aFolderThatHasRunOnce() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("state-files-it")), "run-");
        state = workdir.resolve("data/milkbottle");
        Run first = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle"));
        assertEquals(first.toString(), 0, first.exit());
    }

    private Run run(String... args) throws Exception {
        List<String> command = LauncherProcess.java();
        command.add("-Dorg.osgi.service.http.port=" + MilkBottleTestSupport.freePort());
        command.add("-jar");
        command.add(System.getProperty("milkbottle.launcher.jar"));
        command.addAll(List.of(args));
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(workdir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not exit within 120 s: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Damages {@code file} with {@code content}, checks the failed start, puts the file back, checks a start. */
    private void assertDamageIsReported(String file, String content, String problem) throws Exception {
        Path damaged = state.resolve(file);
        byte[] good = Files.exists(damaged) ? Files.readAllBytes(damaged) : null;
        Files.writeString(damaged, content);

        Run failed = run("-c", "mb:list");
        assertEquals(failed.toString(), 4, failed.exit());
        assertTrue(failed.toString(), failed.err().contains("milkbottle: cannot start: " + damaged + " is damaged: "
                + problem));
        assertTrue(failed.toString(), failed.err().contains("Restore it from a backup, or move it aside"));
        assertFalse("not taken for a second runtime: " + failed, failed.err().contains("Another MilkBottle runtime"));
        assertTrue("a few lines, not hundreds of stack-trace lines: " + failed,
                (failed.out() + failed.err()).lines().count() < 30);

        restore(damaged, good);
        Run repaired = run("-c", "mb:list");
        assertEquals("the failed start released the lock: " + repaired, 0, repaired.exit());
        assertTrue(repaired.toString(), repaired.out().contains("org.milkbottle.example.hello"));
    }

    private static void restore(Path file, byte[] content) throws IOException {
        if (content == null) {
            Files.delete(file);
        } else {
            Files.write(file, content);
        }
    }

    @Test
    public void anEmptyStateFileIsNamed() throws Exception {
        assertDamageIsReported("state.json", "", "it is empty; expected a JSON list of the installed plugins'");
    }

    @Test
    public void aCorruptJournalIsNamed() throws Exception {
        assertDamageIsReported("inflight.json", "{\"id\": 7, \"act", "expected the JSON journal");
    }

    @Test
    public void aCorruptHistoryLineIsNamed() throws Exception {
        Path history = state.resolve("history.jsonl");
        assertDamageIsReported("history.jsonl", "\u0000\u0000garbage\n" + Files.readString(history),
                "line 1 is not a transaction record");
    }
}
