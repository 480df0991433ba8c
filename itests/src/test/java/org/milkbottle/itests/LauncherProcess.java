package org.milkbottle.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The exported launcher run as a process whose standard input the test writes to while it runs, and whose
 * output it reads as it comes. Every wait has a limit; {@link #close()} kills the process, so that a test
 * never blocks on a runtime that does not answer.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final OutputStream in;
    private final List<Thread> readers = new ArrayList<>();

    /** How a process ended and what it printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private LauncherProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.in = process.getOutputStream();
        readers.add(collect(process.getInputStream(), out, "stdout"));
        readers.add(collect(process.getErrorStream(), err, "stderr"));
    }

    /**
     * The start of the command line of a runtime a test launches: this JVM's {@code java}, the coverage agent, and the
     * C1-only compiler that {@code bin/milkbottle} starts the runtime with (a fifth off each start; what the runtime
     * does is the same with either compiler).
     */
    static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String coverageAgent = System.getProperty("milkbottle.it.jacoco.agent", "");
        if (!coverageAgent.isBlank()) {
            command.add(coverageAgent); // the runtime's code counts in the coverage report (see docs/coverage.md)
        }
        command.add("-XX:TieredStopAtLevel=1");
        return command;
    }

    /** {@code java [jvmOptions] -jar milkbottle.jar ARGS} in {@code workdir}, on an HTTP port of its own. */
    static LauncherProcess start(Path workdir, List<String> jvmOptions, String... args) throws IOException {
        return start(workdir, System.getProperty("milkbottle.launcher.jar"), jvmOptions, args);
    }

    static LauncherProcess start(Path workdir, String jar, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = java();
        command.addAll(jvmOptions);
        int port = MilkBottleTestSupport.freePort();
        command.add("-Dorg.osgi.service.http.port=" + port);
        command.add("-jar");
        command.add(jar);
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).directory(workdir.toFile()).start(), port);
    }

    /**
     * {@code java -jar milkbottle.jar} on a terminal of its own: {@code script} runs it on a pseudo-terminal and
     * passes what the test writes on as typed keys, and the terminal's output back. Null when {@code script}
     * (util-linux) is not installed.
     */
    static LauncherProcess onTerminal(Path workdir) throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/script"))) {
            return null;
        }
        int port = MilkBottleTestSupport.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a terminal of a real size: on one of 0 columns the line reader draws no prompt
        String command = "stty cols 200 rows 50; exec '" + java + "' -Dorg.osgi.service.http.port=" + port + " -jar '"
                + System.getProperty("milkbottle.launcher.jar") + "'";
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null")
                .directory(workdir.toFile());
        builder.environment().put("TERM", "xterm");
        builder.environment().put("COLUMNS", "200");
        return new LauncherProcess(builder.start(), port);
    }

    private static Thread collect(InputStream stream, StringBuffer into, String name) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buffer)) > 0) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                into.append("\n(reading ").append(name).append(" failed: ").append(e).append(")\n");
            }
        }, "launcher-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits (a little) until all the process printed has been read: call after it exited. */
    void awaitClosed() throws InterruptedException {
        for (Thread reader : readers) {
            reader.join(10_000);
        }
    }

    void write(String text) throws IOException {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        in.close();
    }

    /** The HTTP port of its embedded marketplace. */
    int port() {
        return port;
    }

    /** Kills it at once (SIGKILL): no clean stop, files stay as they were. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    /** Waits until standard output contains {@code text}; fails (saying what was printed) after {@code limit}. */
    void awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!out().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' was not printed within " + limit.toSeconds() + " s; "
                        + describe());
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the exit status; fails after {@code limit}. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + limit.toSeconds() + " s; " + describe());
        }
        return process.exitValue();
    }

    String describe() {
        return (process.isAlive() ? "running" : "exit " + process.exitValue()) + "\n--- out\n" + out() + "\n--- err\n"
                + err();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
