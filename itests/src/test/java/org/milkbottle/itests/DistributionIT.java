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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;

/**
 * The distribution as an operator uses it: milkbottle-VERSION.tar.gz unpacked, {@code bin/milkbottle} started from
 * another current folder, data under the home folder, a clean stop on SIGTERM.
 */
public class DistributionIT {

    private Path root;
    private Path distribution;
    private Path elsewhere;

    @Before
    public void unpack() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        root = Files.createTempDirectory(Files.createDirectories(target.resolve("distribution-it")), "run-");
        Path archive = Path.of(System.getProperty("milkbottle.distribution"));
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", root.toString())
                .redirectErrorStream(true).start();
        assertTrue(tar.waitFor(120, TimeUnit.SECONDS));
        assertEquals(new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8), 0, tar.exitValue());
        distribution = root.resolve("milkbottle-" + System.getProperty("milkbottle.version"));
        elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    }

    /** bin/milkbottle ARGS with the current folder {@code elsewhere} and the given environment. */
    private ProcessBuilder milkbottle(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/milkbottle").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(elsewhere.toFile());
        builder.environment().remove("MILKBOTTLE_HOME");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        String coverageAgent = System.getProperty("milkbottle.it.jacoco.agent", "");
        builder.environment().put("MILKBOTTLE_OPTS", coverageAgent.isBlank() ? "" : coverageAgent);
        builder.environment().putAll(environment);
        return builder;
    }

    private LauncherIT.Run run(Map<String, String> environment, String... args) throws Exception {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process process = milkbottle(environment, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/milkbottle did not exit within 120 s: " + Files.readString(out));
        }
        return new LauncherIT.Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Map<String, String> port(int port) {
        return Map.of("MILKBOTTLE_OPTS", (System.getProperty("milkbottle.it.jacoco.agent", "") + " -Dorg.osgi.service"
                + ".http.port=" + port).strip());
    }

    @Test
    public void startedFromAnotherFolderItKeepsItsDataUnderItsHomeAndStopsCleanlyOnSigterm() throws Exception {
        Map<String, String> port = port(MilkBottleTestSupport.freePort());
        Path log = root.resolve("headless.txt");
        Process node = milkbottle(port, "--headless").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            while (!Files.readString(log).contains("running headless") && System.currentTimeMillis() < deadline) {
                assertTrue(Files.readString(log), node.isAlive());
                Thread.sleep(50);
            }
            // a relative path means the caller's current folder, not the distribution's
            Files.copy(Path.of(System.getProperty("milkbottle.hello.bundle")), elsewhere.resolve("hello.jar"));
            LauncherIT.Run installed = run(port, "--attach", "-c", "mb:install hello.jar");
            assertEquals(installed.toString(), 0, installed.exit());
            assertTrue(installed.toString(), installed.out().contains("Installed org.milkbottle.example.hello"));
            node.destroy(); // SIGTERM, as systemd and docker stop send it
            assertTrue("stopped within 60 s", node.waitFor(60, TimeUnit.SECONDS));
            assertEquals(Files.readString(log), 143, node.exitValue());
            // the console's end after a SIGTERM loads no class of a stopped bundle (it printed "the console failed")
            String said = Files.readString(log);
            assertFalse(said, said.contains("console failed") || said.contains("NoClassDefFoundError"));
        } finally {
            node.destroyForcibly();
        }
        Files.delete(elsewhere.resolve("hello.jar"));

        LauncherIT.Run again = run(port, "-c", "mb:list");
        assertEquals(again.toString(), 0, again.exit());
        assertTrue(again.toString(), again.out().lines().anyMatch(l -> l.contains("org.milkbottle.example.hello")
                && l.contains("ACTIVE")));
        assertTrue(Files.isDirectory(distribution.resolve("data/milkbottle")));
        assertTrue(Files.isDirectory(distribution.resolve("data/framework")));
        assertTrue(Files.isDirectory(distribution.resolve("deploy")));
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertEquals("nothing written into the current folder", List.of(), left.toList());
        }
    }

    @Test
    public void theHomeAndThePropertiesFileAreHonouredAndABadOneIsSaidInOneLine() throws Exception {
        int httpPort = MilkBottleTestSupport.freePort();
        Path home = root.resolve("home");
        Path conf = distribution.resolve("conf/milkbottle.properties");
        Files.writeString(conf, Files.readString(conf).replace("org.osgi.service.http.port=8180",
                "org.osgi.service.http.port=" + httpPort));
        Map<String, String> environment = Map.of("MILKBOTTLE_HOME", home.toString(),
                "MILKBOTTLE_OPTS", System.getProperty("milkbottle.it.jacoco.agent", ""));
        Path log = root.resolve("home.txt");
        Process node = milkbottle(environment, "--headless").redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 90_000;
            int status = -1;
            while (status != 200 && System.currentTimeMillis() < deadline && node.isAlive()) {
                try {
                    status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + httpPort + "/api/plugins")).build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertEquals(Files.readString(log), 200, status);
            // the container image runs this same script and probes this same address (Dockerfile)
            String dockerfile = Files.readString(Path.of(System.getProperty("project.build.directory", "target"))
                    .getParent().getParent().resolve("Dockerfile"));
            assertTrue(dockerfile.contains("ENTRYPOINT [\"/opt/milkbottle/bin/milkbottle\"]")
                    && dockerfile.contains("--strip-components=1"));
            // the line the image rewrites to serve on all of the container's interfaces
            assertTrue(Files.readAllLines(conf).contains("org.apache.felix.http.host=127.0.0.1")
                    && dockerfile.contains("s/^org.apache.felix.http.host=127.0.0.1$/"));
            java.util.regex.Matcher probe = java.util.regex.Pattern.compile("HEALTHCHECK[^\\n]*\\n[^\\n]*http://127.0.0.1:"
                    + "8180(/[a-z/]+)").matcher(dockerfile);
            assertTrue(dockerfile, probe.find());
            long probeDeadline = System.currentTimeMillis() + 60_000;
            int probed = -1;
            while (probed != 200 && System.currentTimeMillis() < probeDeadline) {
                probed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + httpPort + probe.group(1))).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                Thread.sleep(probed == 200 ? 0 : 200);
            }
            assertEquals("the image's health check answers 200 on a healthy runtime", 200, probed);
            assertTrue(Files.isDirectory(home.resolve("data/milkbottle")));
            assertFalse(Files.exists(distribution.resolve("data")));
        } finally {
            node.destroy();
            node.waitFor(60, TimeUnit.SECONDS);
        }

        LauncherIT.Run missing = run(Map.of("MILKBOTTLE_CONF", root.resolve("no-such-conf").toString()), "-c",
                "mb:list");
        assertEquals(missing.toString(), 2, missing.exit());
        assertEquals(missing.toString(), 1, missing.err().lines().count());
        assertTrue(missing.toString(), missing.err().startsWith("milkbottle: cannot start: the configuration file ")
                && missing.err().contains("does not exist"));

        Path notWritable = root.resolve("a-file");
        Files.writeString(notWritable, "not a folder");
        LauncherIT.Run badHome = run(Map.of("MILKBOTTLE_HOME", notWritable.toString()), "-c", "mb:list");
        assertEquals(badHome.toString(), 1, badHome.exit());
        assertTrue(badHome.toString(), badHome.err().contains("is not a folder this user can write"));
    }
}
