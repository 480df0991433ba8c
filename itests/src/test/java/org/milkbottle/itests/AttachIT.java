package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;

/**
 * Admin commands reach a running headless node (the documented marketplace setup, which has no shell):
 * {@code java -jar marketplace.jar --attach -c CMDS} in the node's folder sends the commands to it through the
 * Unix domain socket in its data folder, prints their output and exits with their status — without starting a
 * second runtime on the folder. With no runtime running it says so and exits 5.
 */
public class AttachIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CLIENT = Duration.ofSeconds(60);
    private static final Pattern FINGERPRINT = Pattern.compile("\\b([0-9a-f]{2}(?::[0-9a-f]{2}){15})\\b");

    private Path workdir;
    private String jar;

    @Before
    public void nodeFolder() throws Exception {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("attach-it")), "node-");
        jar = System.getProperty("milkbottle.marketplace.jar");
    }

    private LauncherProcess.Result attach(Path folder, String commands) throws Exception {
        return client(folder, "--attach", "-c", commands);
    }

    private LauncherProcess.Result client(Path folder, String... args) throws Exception {
        try (LauncherProcess client = LauncherProcess.start(folder, jar, List.of(), args)) {
            client.closeInput();
            int exit = client.awaitExit(CLIENT);
            client.awaitClosed();
            return new LauncherProcess.Result(exit, client.out(), client.err());
        }
    }

    @Test
    public void anAdminGetsATokenAndTheKeyFingerprintFromAHeadlessNode() throws Exception {
        try (LauncherProcess node = LauncherProcess.start(workdir, jar, List.of(), "--headless")) {
            node.awaitOutput("is running headless", START);
            assertTrue(node.describe(), node.out().contains("--attach"));
            Path socket = workdir.resolve("data/milkbottle/admin/console.sock");
            assertTrue("the node listens on " + socket + ": " + node.describe(), Files.exists(socket));
            assertEquals("only its user may connect", "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));

            LauncherProcess.Result token = attach(workdir, "mb:market-token alice");
            assertEquals(token + "\n--- node\n" + node.describe(), 0, token.exit());
            assertTrue(token.toString(), token.out().contains("Token for alice") && token.out().contains("mbt_"));
            assertFalse("no second runtime started on the folder: " + token, token.err().contains("cannot start")
                    || token.out().contains("running headless"));

            // the fingerprint the admin publishes is the one a runtime pins with mb:repo-add
            LauncherProcess.Result key = attach(workdir, "mb:market-key; mb:repo-add self http://127.0.0.1:"
                    + node.port() + "/repository/");
            assertEquals(key.toString(), 0, key.exit());
            String[] parts = key.out().split("Pinned", 2);
            assertEquals(key.toString(), 2, parts.length);
            Matcher published = FINGERPRINT.matcher(parts[0]);
            Matcher pinned = FINGERPRINT.matcher(parts[1]);
            assertTrue(key.toString(), published.find() && pinned.find());
            assertEquals(key.toString(), published.group(1), pinned.group(1));
            Path pem = workdir.resolve("data/milkbottle/marketplace/index-key.pub.pem").toAbsolutePath();
            assertTrue(key.toString(), key.out().contains(pem.toString()) && Files.exists(pem));

            LauncherProcess.Result failed = attach(workdir, "mb:list; mb:install /no/such/file.jar; mb:history");
            assertEquals(failed.toString(), 1, failed.exit());
            assertTrue(failed.toString(), failed.err().contains("File not found: /no/such/file.jar"));
            assertFalse("stops at the first failure: " + failed, failed.out().contains("TIME"));
            assertTrue("the node runs on: " + node.describe(), node.isAlive());

            node.kill(); // SIGKILL: the socket file stays behind, nobody listens on it
            assertTrue(Files.exists(socket));
            LauncherProcess.Result stale = attach(workdir, "mb:list");
            assertEquals(stale.toString(), 5, stale.exit());
            assertTrue(stale.toString(), stale.err().startsWith("milkbottle: no MilkBottle runtime is running on "
                    + workdir.resolve("data/milkbottle").toAbsolutePath()));
        }
    }

    @Test
    public void withoutARunningRuntimeAttachSaysSoAndStartsNothing() throws Exception {
        LauncherProcess.Result none = attach(workdir, "mb:market-token alice");
        assertEquals(none.toString(), 5, none.exit());
        assertTrue(none.toString(), none.err().startsWith("milkbottle: no MilkBottle runtime is running on "
                + workdir.resolve("data/milkbottle").toAbsolutePath()) && none.err().contains("--headless"));
        assertFalse("nothing started: " + none, Files.exists(workdir.resolve("data"))
                || Files.exists(workdir.resolve("deploy")));

        LauncherProcess.Result usage = client(workdir, "--attach");
        assertEquals(usage.toString(), 2, usage.exit());
        assertTrue(usage.toString(), usage.err().startsWith("milkbottle: --attach needs the commands to run"));
    }
}
