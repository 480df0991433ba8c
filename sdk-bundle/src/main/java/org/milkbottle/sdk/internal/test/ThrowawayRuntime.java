package org.milkbottle.sdk.internal.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.milkbottle.sdk.api.SdkException;

/**
 * A copy of this runtime started from its jar in a temporary folder of its own (own data, own HTTP port) to run a few
 * shell commands in batch mode, then stopped and its folder removed. Plugin code under test runs there, not here.
 */
final class ThrowawayRuntime {

    /** What the runtime printed, and its exit status (0: every command succeeded). */
    record Run(int status, String output) {
    }

    private final Path runtimeJar;
    private final long timeoutSeconds;

    ThrowawayRuntime(Path runtimeJar, long timeoutSeconds) {
        this.runtimeJar = runtimeJar;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Runs {@code commands} (Gogo script, ';'-separated) and returns what the runtime printed. */
    Run run(String commands) throws SdkException {
        Path home;
        try {
            home = Files.createTempDirectory("milkbottle-test-");
        } catch (IOException e) {
            throw new SdkException("Could not make a temporary folder for the throwaway runtime (" + e.getMessage()
                    + "); check java.io.tmpdir.", e);
        }
        Process process = null;
        try {
            // C1 only, as bin/milkbottle starts a runtime: a fifth off a start that runs a few commands and ends
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-Dorg.osgi.service.http.port=" + freePort(), "-jar",
                    runtimeJar.toString(), "-c", commands));
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            InputStream output = process.getInputStream();
            CompletableFuture<String> printed = new CompletableFuture<>();
            // a thread of its own (not a shared pool's): a child's child holding the pipe open cannot hold a pool thread
            Thread reader = new Thread(() -> {
                try {
                    printed.complete(new String(output.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    printed.complete("");
                }
            }, "milkbottle-test-output");
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new SdkException("The throwaway runtime did not finish within " + timeoutSeconds + " s (a plugin "
                        + "that does not let the runtime stop?); give more time with --timeout SECONDS.");
            }
            return new Run(process.exitValue(), printed.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new SdkException("Could not start the throwaway runtime from " + runtimeJar + " (" + e.getMessage()
                    + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkException("Interrupted while the throwaway runtime ran; it was stopped.", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new SdkException("Could not read what the throwaway runtime printed (" + e + ").", e);
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            deleteQuietly(home);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the next run makes a new one
        }
    }
}
