package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.Assume;
import org.junit.Test;

/**
 * In the interactive shell a log line (here the deploy folder's {@code INFO Deployed hello.jar}) is printed
 * above the prompt, and the prompt with what was typed is drawn again below it — not written into the middle
 * of the line being typed, leaving no prompt.
 */
public class InteractiveLogIT {

    @Test
    public void aLogLineGoesAboveThePromptAndThePromptComesBackWithWhatWasTyped() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        Path workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("interactive-it")), "run-");
        try (LauncherProcess shell = LauncherProcess.onTerminal(workdir)) {
            Assume.assumeTrue("needs util-linux 'script' for a pseudo-terminal", shell != null);
            shell.awaitOutput("mb> ", Duration.ofSeconds(90));
            shell.write("mb:li"); // half typed when the log line comes
            shell.awaitOutput("mb> mb:li", Duration.ofSeconds(10));
            Files.copy(Path.of(System.getProperty("milkbottle.hello.bundle")),
                    workdir.resolve("deploy").resolve("hello.jar.part"));
            Files.move(workdir.resolve("deploy").resolve("hello.jar.part"), workdir.resolve("deploy").resolve("hello.jar"),
                    StandardCopyOption.ATOMIC_MOVE);
            shell.awaitOutput("Deployed hello.jar", Duration.ofSeconds(30));
            // the prompt and the typed text are drawn again after the log line
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!after(shell.out(), "Deployed hello.jar").contains("mb> mb:li") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String out = shell.out();
            assertTrue("prompt redrawn below the log line: " + printable(out),
                    after(out, "Deployed hello.jar").contains("mb> mb:li"));
            String logLine = out.substring(out.lastIndexOf('\n', out.indexOf("Deployed hello.jar")) + 1,
                    out.indexOf("Deployed hello.jar"));
            assertTrue("the log line starts on a line of its own, the prompt erased first: " + printable(logLine),
                    logLine.contains("\r") || !logLine.contains("mb> "));

            shell.write("st\r"); // completes 'mb:list'
            shell.awaitOutput("org.milkbottle.example.hello", Duration.ofSeconds(30));
            shell.write("exit\r");
            assertEquals(shell.describe(), 0, shell.awaitExit(Duration.ofSeconds(60)));
        }
    }

    private static String after(String text, String marker) {
        int at = text.lastIndexOf(marker);
        return at < 0 ? "" : text.substring(at + marker.length());
    }

    private static String printable(String text) {
        return text.replace("\u001b", "<ESC>").replace("\r", "<CR>");
    }
}
