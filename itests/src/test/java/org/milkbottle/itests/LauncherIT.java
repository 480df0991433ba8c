package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Before;
import org.junit.Test;
import org.milkbottle.itests.fixtures.HangingActivator;
import org.milkbottle.itests.fixtures.StartRecorder;
import org.milkbottle.validation.testing.Signing;

/**
 * The exported runtime, run as a user runs it: {@code java -jar milkbottle.jar} in a working folder,
 * in batch mode. Covers exit statuses, state that survives restarts, and a kill -9 in the middle of an
 * install.
 */
public class LauncherIT {

    private Path workdir;

    /** What a run printed and how it ended. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    @Before
    public void freshWorkingFolder() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("launcher-it")), "run-");
    }

    private ProcessBuilder java(String... args) {
        return java(workdir, List.of(), args);
    }

    private ProcessBuilder java(List<String> jvmOptions, String... args) {
        return java(workdir, jvmOptions, args);
    }

    /** The exported runtime started in {@code workdir}, as a user starts it. */
    static ProcessBuilder java(Path workdir, List<String> jvmOptions, String... args) {
        List<String> command = LauncherProcess.java();
        // a port of its own for the embedded marketplace, so a runtime the developer has open does not collide
        command.add("-Dorg.osgi.service.http.port=" + MilkBottleTestSupport.freePort());
        command.addAll(jvmOptions); // after the port: a test may choose it
        command.add("-jar");
        command.add(System.getProperty("milkbottle.launcher.jar"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workdir.toFile());
    }

    private Run run(String... args) throws Exception {
        return run(List.of(), args);
    }

    private Run run(List<String> jvmOptions, String... args) throws Exception {
        return run(workdir, jvmOptions, args);
    }

    /** Runs the exported runtime in {@code workdir} to its end (at most 120 s). */
    static Run run(Path workdir, List<String> jvmOptions, String... args) throws Exception {
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");
        Process process = java(workdir, jvmOptions, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the runtime did not exit within 120 s: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    public void batchCommandsRunAndTheExitStatusTellsWhetherOneFailed() throws Exception {
        Run ok = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle") + "; hello:greet Gil");
        assertEquals(ok.toString(), 0, ok.exit());
        assertTrue(ok.toString(), ok.out().contains("Installed org.milkbottle.example.hello"));
        assertTrue(ok.toString(), ok.out().contains("Hello, Gil!"));

        Run failed = run("-c", "mb:list; mb:install /no/such/file.jar; mb:history");
        assertEquals(failed.toString(), 1, failed.exit());
        assertTrue(failed.toString(), failed.err().contains("File not found: /no/such/file.jar"));
        assertFalse("stops at the first failure", failed.out().contains("TIME"));

        Run usage = run("--frobnicate");
        assertEquals(usage.toString(), 2, usage.exit());
        assertTrue(usage.toString(), usage.err().contains("unknown option '--frobnicate'"));
    }

    /** help, right after the start, also knows the commands of the bundles started after the prompt. */
    @Test
    public void helpRightAfterTheStartKnowsTheCommandsOfTheBundlesStartedAfterThePrompt() throws Exception {
        Run run = run("-c", "help mb:create; help mb:search");
        assertEquals(run.toString(), 0, run.exit());
        assertFalse(run.toString(), run.out().contains("There is no command"));
        assertTrue(run.toString(), run.out().contains("mb:create") && run.out().contains("--template")
                && run.out().contains("mb:search"));
    }

    @Test
    public void aNewRuntimeFindsAndInstallsTheExamplePluginByNameFromItsEmbeddedMarketplace() throws Exception {
        Run run = run("-c", "mb:search hello; mb:install hello; hello:greet Ida; mb:repo-list");
        assertEquals(run.toString(), 0, run.exit());
        assertTrue(run.toString(), run.out().contains("org.milkbottle.example.hello")
                && run.out().contains("Installed org.milkbottle.example.hello") && run.out().contains("Hello, Ida!")
                && run.out().contains("this runtime's marketplace"));
        assertFalse("no component fails to start (e.g. a circular activation): " + run,
                (run.out() + run.err()).contains("Could not get service") || (run.out() + run.err()).contains("ERROR"));
        Run again = run("-c", "mb:list");
        assertTrue("installed by name, remembered by name: " + again,
                again.out().contains("ACTIVE") && again.out().contains("org.milkbottle.example.hello"));
    }

    @Test
    public void commandsAreReadFromStandardInputWhenItIsNotATerminal() throws Exception {
        Path script = Files.writeString(workdir.resolve("script.mb"),
                "# install and greet\nmb:install " + System.getProperty("milkbottle.hello.bundle")
                        + "\nhello:greet Hal\n", StandardCharsets.UTF_8);
        Process process = java().redirectInput(script.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(out, 0, process.exitValue());
        assertTrue(out, out.contains("Hello, Hal!"));
    }

    @Test
    public void pluginsConfigurationAndHistorySurviveARestart() throws Exception {
        Run first = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle")
                + "; mb:config hello greeting Ahoy");
        assertEquals(first.toString(), 0, first.exit());

        Run second = run("-c", "mb:list; hello:greet Ivy; mb:history");
        assertEquals(second.toString(), 0, second.exit());
        assertTrue(second.toString(), second.out().contains("ACTIVE"));
        assertTrue(second.toString(), second.out().contains("Ahoy, Ivy!"));
        assertTrue(second.toString(), second.out().contains("COMMITTED"));
    }

    @Test
    public void killingTheRuntimeMidInstallLeavesNoHalfInstalledPlugin() throws Exception {
        Path jar = TestBundles.plugin("hangs.forever", "1.0.0").activator(HangingActivator.class)
                .writeTo(workdir, "hangs.jar");
        Path journal = workdir.resolve("data/milkbottle/inflight.json");
        Process process = java("-c", "mb:install " + jar).redirectErrorStream(true)
                .redirectOutput(workdir.resolve("killed.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(journal) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue("the install started", Files.exists(journal));
        Thread.sleep(500); // well inside the activator, which blocks for minutes
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
        process.waitFor(30, TimeUnit.SECONDS);

        Run after = run("-c", "mb:list -a; mb:history");
        assertEquals(after.toString(), 0, after.exit());
        assertFalse(after.toString(), after.out().contains("hangs.forever 1.0.0  INSTALLED"));
        assertFalse(after.toString(), after.out().lines().anyMatch(l -> l.contains("hangs.forever")
                && (l.contains("ACTIVE") || l.contains("RESOLVED") || l.contains("INSTALLED"))));
        assertTrue(after.toString(), after.out().contains("INTERRUPTED"));
        assertFalse("journal cleared", Files.exists(journal));
    }

    @Test
    public void aDataFolderFromTheEarlierReleaseKeepsItsPluginsAndItsTrustStore() throws Exception {
        Path certificate = new Signing(workdir, "acme").exportCertificate(workdir.resolve("acme.pem"));
        Run first = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle") + "; mb:trust-add "
                + certificate);
        assertEquals(first.toString(), 0, first.exit());
        // what the earlier release did not write: the integrity key, the seals, the policy and approval records
        Path data = workdir.resolve("data/milkbottle");
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals("integrity.key") || name.endsWith(".mac") || name.equals("policy.json")
                        || name.equals("approvals.json")) {
                    Files.delete(file);
                }
            }
        }
        Run upgraded = run("-c", "mb:list; hello:greet Uma; mb:trust-list");
        assertEquals(upgraded.toString(), 0, upgraded.exit());
        assertTrue(upgraded.toString(), upgraded.out().contains("Hello, Uma!"));
        assertTrue(upgraded.toString(), upgraded.out().contains("acme")
                && !upgraded.out().contains("changed behind MilkBottle's back"));

        // once adopted, the trust store is sealed: one written behind the runtime's back is not honoured
        Files.write(data.resolve("truststore.p12"), Files.readAllBytes(data.resolve("truststore.p12")),
                java.nio.file.StandardOpenOption.APPEND);
        Run tampered = run("-c", "mb:trust-list");
        assertTrue(tampered.toString(), tampered.out().contains("WARNING: the trust store was changed behind "
                + "MilkBottle's back"));
        assertFalse(tampered.toString(), tampered.out().contains("acme"));
    }

    @Test
    public void aPluginWhoseStopNeverReturnsDoesNotKeepTheRuntimeFromExiting() throws Exception {
        Path jar = TestBundles.plugin("never.stops", "1.0.0").activator(
                org.milkbottle.itests.blocking.NeverStoppingActivator.class).writeTo(workdir, "never-stops.jar");
        long started = System.nanoTime();
        Run run = run(List.of("-Dmilkbottle.shutdownTimeoutSeconds=3"), "-c", "mb:install " + jar);
        assertTrue(run.toString(), run.out().contains("Installed never.stops 1.0.0: ACTIVE"));
        assertTrue(run.toString(), run.err().contains("did not stop within 3 s"));
        assertEquals(run.toString(), 0, run.exit());
        assertTrue("exited in " + (System.nanoTime() - started) / 1_000_000 + " ms",
                System.nanoTime() - started < 90_000_000_000L);
    }

    @Test
    public void aKillInTheMiddleOfARollbackStartsNothingUncommittedAtTheNextLaunch() throws Exception {
        Path markers = Files.createDirectories(workdir.resolve("markers"));
        List<String> options = List.of("-Dmilkbottle.markers=" + markers);
        Path v1 = recorder("1.0.0");
        Path v2 = recorder("2.0.0");
        Run updated = run(options, "-c", "mb:install " + v1 + "; mb:update --replace recorded " + v2);
        assertEquals(updated.toString(), 0, updated.exit());

        // the rollback puts 1.0.0 back and starts it; its start blocks, and the runtime is killed right there
        Path starts = markers.resolve("starts");
        Files.writeString(starts, "");
        Files.createFile(markers.resolve("hang-1.0.0"));
        Process rollback = java(options, "-c", "mb:rollback").redirectErrorStream(true)
                .redirectOutput(workdir.resolve("killed.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.readString(starts).contains("recorded 1.0.0") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue("the rollback started 1.0.0", Files.readString(starts).contains("recorded 1.0.0"));
        Thread.sleep(500); // well inside the activator, which blocks for minutes
        rollback.destroyForcibly();
        rollback.waitFor(30, TimeUnit.SECONDS);

        Files.delete(markers.resolve("hang-1.0.0"));
        Files.writeString(starts, "");
        // first a start where recovery cannot run at all (a damaged state file): no plugin may start by itself
        Path stateFile = workdir.resolve("data/milkbottle/state.json");
        byte[] state = Files.readAllBytes(stateFile);
        Files.writeString(stateFile, "{ damaged");
        Run refused = run(options, "-c", "mb:list");
        assertEquals(refused.toString(), 4, refused.exit());
        assertEquals("nothing started while recovery could not run: " + refused, "", Files.readString(starts));

        Files.write(stateFile, state);
        Run after = run(options, "-c", "mb:list; mb:history");
        assertEquals(after.toString(), 0, after.exit());
        assertEquals("only the committed version ever started: " + after, "recorded 2.0.0\n",
                Files.readString(starts));
        assertTrue(after.toString(), after.out().lines().anyMatch(l -> l.contains("recorded") && l.contains("2.0.0")
                && l.contains("ACTIVE")));
        assertTrue(after.toString(), after.out().contains("INTERRUPTED"));
    }

    @Test
    public void whileTheMarketplaceStartsItsAddressesAnswerJsonNotJettysPages() throws Exception {
        int port = MilkBottleTestSupport.freePort();
        Process node = java(List.of("-Dorg.osgi.service.http.port=" + port), "--headless")
                .redirectErrorStream(true).redirectOutput(workdir.resolve("node.txt").toFile()).start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> answers = new ArrayList<>();
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline) {
                java.net.http.HttpResponse<String> answer;
                try {
                    answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + port + "/api/plugins")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (IOException notListeningYet) {
                    Thread.sleep(10);
                    continue;
                }
                answers.add(answer.statusCode() + " " + answer.headers().firstValue("Retry-After").orElse("-") + " "
                        + answer.body().substring(0, Math.min(80, answer.body().length())));
                if (answer.statusCode() == 200) {
                    break;
                }
            }
        } finally {
            node.destroy();
            node.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(answers.toString(), !answers.isEmpty() && answers.get(answers.size() - 1).startsWith("200"));
        // Jetty opens its port a moment before the marketplace bundle starts: that moment may answer Jetty's 404
        // (see the note); once the bundle is there, every answer until the API is up is a JSON 503
        List<String> afterTheBundle = answers.stream().dropWhile(a -> a.startsWith("404")).toList();
        assertTrue(answers.toString(), afterTheBundle.stream().allMatch(a -> a.startsWith("200")
                || a.startsWith("503 5 {\"error\":\"UNAVAILABLE\"")));
    }

    /**
     * The marketplace starts after the prompt, when the shell first waits for input: a pipe that has sent nothing
     * yet is such a moment, and the marketplace answers without any command asking for it.
     */
    @Test
    public void theMarketplaceStartsOnceTheShellWaitsForInput() throws Exception {
        try (LauncherProcess runtime = LauncherProcess.start(workdir, List.of())) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 60_000;
            int status = -1;
            while (status != 200 && System.currentTimeMillis() < deadline && runtime.isAlive()) {
                try {
                    status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + runtime.port() + "/api/plugins")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notListeningYet) {
                    Thread.sleep(50);
                }
            }
            assertEquals(runtime.describe(), 200, status);
        }
    }

    @Test
    public void aBusyPortOrAFolderInUseIsRefusedInOneLineBeforeAnythingStarts() throws Exception {
        int port = MilkBottleTestSupport.freePort();
        try (java.net.ServerSocket taken = new java.net.ServerSocket()) {
            taken.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            Run busy = run(List.of("-Dorg.osgi.service.http.port=" + port), "-c", "mb:list");
            assertEquals(busy.toString(), 6, busy.exit());
            assertEquals(busy.toString(), 1, busy.err().lines().count());
            assertTrue(busy.toString(), busy.err().contains("the HTTP port " + port + " on 127.0.0.1 is in use")
                    && busy.err().contains("-Dorg.osgi.service.http.port=PORT"));
            assertFalse("nothing started", Files.exists(workdir.resolve("data")));
        }

        int nodePort = MilkBottleTestSupport.freePort();
        Process node = java(List.of("-Dorg.osgi.service.http.port=" + nodePort), "--headless")
                .redirectErrorStream(true).redirectOutput(workdir.resolve("node.txt").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (!Files.readString(workdir.resolve("node.txt")).contains("running headless")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Run second = run("-c", "mb:list");
            assertEquals(second.toString(), 3, second.exit());
            assertEquals(second.toString(), 1, second.err().lines().count());
            assertTrue(second.toString(), second.err().contains("another MilkBottle runtime is using "));
        } finally {
            node.destroy();
            node.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    public void littleFreeSpaceIsSaidAtStartAndTheRuntimeStillRuns() throws Exception {
        // the warning's threshold set above what this disk has free: the start says so in one line and goes on
        Run low = run(List.of("-Dmilkbottle.lowDiskWarningMegabytes=" + Long.MAX_VALUE / (1024 * 1024)), "-c",
                "mb:list");
        assertEquals(low.toString(), 0, low.exit());
        assertTrue(low.toString(), low.err().contains("milkbottle: warning: only ")
                && low.err().contains("MB are free on the disk of"));
        assertTrue(low.toString(), low.out().contains("No plugins installed"));
    }

    @Test
    public void sigtermStopsThePluginsCleanly() throws Exception {
        Path markers = Files.createDirectories(workdir.resolve("markers"));
        List<String> options = List.of("-Dmilkbottle.markers=" + markers);
        Run installed = run(options, "-c", "mb:install " + recorder("1.0.0"));
        assertEquals(installed.toString(), 0, installed.exit());
        Files.deleteIfExists(markers.resolve("stops"));

        Process node = java(options, "--headless").redirectErrorStream(true)
                .redirectOutput(workdir.resolve("node.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (!Files.readString(workdir.resolve("node.txt")).contains("running headless")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        node.destroy(); // SIGTERM
        assertTrue("stopped within 60 s", node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Files.readString(workdir.resolve("node.txt")), 143, node.exitValue());
        // the console's end after a SIGTERM loads no class of a stopped bundle (it printed "the console failed")
        String said = Files.readString(workdir.resolve("node.txt"));
        assertFalse(said, said.contains("console failed") || said.contains("NoClassDefFoundError"));
        assertTrue("the plugin's stop ran", Files.exists(markers.resolve("stops"))
                && Files.readString(markers.resolve("stops")).contains("recorded 1.0.0"));
    }

    private Path recorder(String version) throws IOException {
        return TestBundles.plugin("recorded", version).activator(StartRecorder.class)
                .header("MilkBottle-Permissions", "file-write").writeTo(workdir, "recorded-" + version + ".jar");
    }

    @Test
    public void pluginsTheFrameworkCacheLostAreReinstalledFromTheArtifactStore() throws Exception {
        Run first = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle"));
        assertEquals(first.toString(), 0, first.exit());
        Path framework = workdir.resolve("data/framework");

        // one bundle's folder damaged: its bundle.jar truncated
        Path pluginFolder;
        try (var folders = Files.list(framework)) {
            pluginFolder = folders.filter(f -> Files.isRegularFile(f.resolve("bundle.info"))).filter(f -> {
                try {
                    return Files.readString(f.resolve("bundle.info"), StandardCharsets.ISO_8859_1)
                            .contains("milkbottle:org.milkbottle.example.hello");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow();
        }
        Path jar = pluginFolder.resolve("version0.0/bundle.jar");
        Files.write(jar, java.util.Arrays.copyOf(Files.readAllBytes(jar), 100));
        Run truncated = run("-c", "hello:greet Uma");
        assertEquals(truncated.toString(), 0, truncated.exit());
        assertTrue(truncated.toString(), truncated.out().contains("Hello, Uma!"));

        // the whole framework cache lost (as after an upgrade that clears it)
        deleteTree(framework);
        Run lost = run("-c", "hello:greet Ugo; mb:list");
        assertEquals(lost.toString(), 0, lost.exit());
        assertTrue(lost.toString(), lost.out().contains("Hello, Ugo!"));
        assertTrue(lost.toString(), lost.err().contains("org.milkbottle.example.hello")
                && lost.err().contains("was missing from the framework cache; reinstalled it from the artifact store"));
    }

    @Test
    public void anArtifactReplacedInTheStoreIsNotPutBack() throws Exception {
        Path hello = Path.of(System.getProperty("milkbottle.hello.bundle"));
        Path newer = TestBundles.withVersion(hello, "9.0.0", workdir.resolve("hello-9.jar"));
        Run updated = run("-c", "mb:install " + hello + "; mb:update --replace hello " + newer);
        assertEquals(updated.toString(), 0, updated.exit());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(hello)));
        Path stored = workdir.resolve("data/milkbottle/artifacts/" + sha + ".jar");
        assertTrue("stored as " + stored, Files.exists(stored));
        Files.copy(newer, stored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Run rollback = run("-c", "mb:rollback");
        assertEquals(rollback.toString(), 1, rollback.exit());
        assertTrue(rollback.toString(), rollback.err().contains(stored.getFileName().toString())
                && rollback.err().contains("changed behind MilkBottle's back"));
        Run list = run("-c", "mb:list");
        assertTrue("the running version stays: " + list, list.out().lines().anyMatch(l -> l.contains("9.0.0")
                && l.contains("ACTIVE")));
    }

    @Test
    public void aRestartDoesNotRewriteTheRuntimeBundles() throws Exception {
        assertEquals(0, run("-c", "mb:list").exit());
        assertEquals(0, run("-c", "mb:list").exit());
        try (var revisions = Files.walk(workdir.resolve("data/framework"), 2)) {
            List<Path> rewritten = revisions
                    .filter(p -> p.getFileName().toString().matches("version\\d+\\.[1-9]\\d*")).toList();
            assertTrue("bundles rewritten by the second start: " + rewritten, rewritten.isEmpty());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
