package org.milkbottle.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final OutputStream in;

    private LauncherProcess(Process process) {
        this.process = process;
        this.in = process.getOutputStream();
        collect(process.getInputStream(), out, "stdout");
        collect(process.getErrorStream(), err, "stderr");
    }

    /** {@code java [jvmOptions] -jar milkbottle.jar ARGS} in {@code workdir}, on an HTTP port of its own. */
    static LauncherProcess start(Path workdir, List<String> jvmOptions, String... args) throws IOException {
        return start(workdir, System.getProperty("milkbottle.launcher.jar"), jvmOptions, args);
    }

    static LauncherProcess start(Path workdir, String jar, List<String> jvmOptions, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dorg.osgi.service.http.port=" + MilkBottleTestSupport.freePort());
        command.add("-jar");
        command.add(jar);
        command.addAll(List.of(args));
        return new LauncherProcess(new ProcessBuilder(command).directory(workdir.toFile()).start());
    }

    private static void collect(InputStream stream, StringBuffer into, String name) {
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
    }

    void write(String text) throws IOException {
        in.write(text.getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    void closeInput() throws IOException {
        in.close();
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
