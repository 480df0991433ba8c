package org.milkbottle.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.Before;
import org.junit.Test;

/**
 * Backup and restore as an operator drills them: a runtime with plugins, configuration, trust entries, history and an
 * embedded marketplace with a published plugin is backed up while a deploy-folder install runs, restored into an empty
 * folder and started on another port, and answers the same; a truncated, tampered or newer archive is refused with
 * nothing changed; mb:restore in a running runtime replaces its data at the next start.
 */
public class BackupRestoreIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CLIENT = Duration.ofSeconds(120);
    private final HttpClient http = HttpClient.newHttpClient();
    private Path root;
    private String jar;

    @Before
    public void folders() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        root = Files.createTempDirectory(Files.createDirectories(target.resolve("backup-it")), "run-");
        jar = System.getProperty("milkbottle.launcher.jar");
    }

    private LauncherProcess.Result run(Path folder, String... args) throws Exception {
        try (LauncherProcess client = LauncherProcess.start(folder, jar, List.of(), args)) {
            client.closeInput();
            int exit = client.awaitExit(CLIENT);
            client.awaitClosed();
            return new LauncherProcess.Result(exit, client.out(), client.err());
        }
    }

    private LauncherProcess.Result attach(Path folder, String commands) throws Exception {
        LauncherProcess.Result result = run(folder, "--attach", "-c", commands);
        assertEquals(result.toString(), 0, result.exit());
        return result;
    }

    /** What an operator compares: each command's answer, with mb:list's bundle ids (they differ) left out. */
    private static String answers(LauncherProcess.Result result) {
        return result.out().lines().map(l -> l.replaceFirst("^\\d+\\s+(?=org\\.|recorded|mkt\\.)", "ID  "))
                .filter(l -> !l.startsWith("WARNING: EventAdmin")) // Felix Event Admin's words at shutdown
                .collect(Collectors.joining("\n"));
    }

    private byte[] download(int port, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(path + ": " + new String(response.body(), StandardCharsets.UTF_8), 200, response.statusCode());
        return response.body();
    }

    private static final String COMPARED = "mb:list; mb:config hello; mb:trust-list; mb:search hello; mb:search mkt";

    @Test
    public void aBackupTakenWhileADeployInstallRunsRestoresTheSameRuntimeElsewhere() throws Exception {
        Path a = Files.createDirectories(root.resolve("a"));
        Path archive = root.resolve("drill.zip");
        String publishedSha;
        String before;
        List<String> historyAtBackup;
        try (LauncherProcess node = LauncherProcess.start(a, jar, List.of(), "--headless")) {
            node.awaitOutput("is running headless", START);
            attach(a, "mb:install hello; mb:config hello greeting Howdy; mb:trust-allow --reason drill "
                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            String token = Arrays.stream(attach(a, "mb:market-token alice").out().split("\\s+"))
                    .filter(w -> w.startsWith("mbt_")).findFirst().orElseThrow();
            Path greeter = TestBundles.plugin("mkt.greeter", "1.0.0").header("MilkBottle-Tags", "demo")
                    .writeTo(Files.createDirectories(root.resolve("jars")), "greeter.jar");
            // the node's marketplace may still be seeding its examples when the publish comes; a refusal is printed
            // (a CI run once went on with a 64-digit hash taken from an answer that was not "Published", and the
            // plugin was in neither node's database)
            String published = "";
            for (int attempt = 1; attempt <= 5 && !published.contains("Published mkt.greeter 1.0.0"); attempt++) {
                if (attempt > 1) {
                    System.err.println("BackupRestoreIT: publish attempt " + (attempt - 1) + " answered: " + published);
                    Thread.sleep(2000);
                }
                LauncherProcess.Result answer = attach(a, "mb:market-publish " + token + " " + greeter);
                published = answer.out() + answer.err();
            }
            assertTrue(published, published.contains("Published mkt.greeter 1.0.0"));
            publishedSha = published.replaceAll("(?s).*?sha-256 ([0-9a-f]{64}).*", "$1");
            assertEquals(published, 64, publishedSha.length());

            // a deploy-folder install runs while the backup is taken: the backup holds it whole or not at all
            Path recorded = TestBundles.plugin("recorded", "1.0.0").writeTo(root.resolve("jars"), "recorded.jar");
            Files.copy(recorded, Files.createDirectories(a.resolve("deploy")).resolve("recorded.jar"));
            LauncherProcess.Result backup = attach(a, "mb:backup " + archive);
            assertTrue(backup.toString(), backup.out().contains("Backup written to " + archive));
            try (ZipFile zip = new ZipFile(archive.toFile())) {
                boolean hasRecorded = zip.stream().anyMatch(e -> e.getName().startsWith("data/artifacts/"))
                        && new String(zip.getInputStream(zip.getEntry("data/state.json")).readAllBytes(),
                                StandardCharsets.UTF_8).contains("\"recorded\"");
                boolean historyHasIt = new String(zip.getInputStream(zip.getEntry("data/history.jsonl"))
                        .readAllBytes(), StandardCharsets.UTF_8).contains("recorded");
                assertEquals("state and history agree about the deploy install", hasRecorded, historyHasIt);
            }
            // the node goes on and finishes the deploy install
            long deadline = System.currentTimeMillis() + START.toMillis();
            while (!attach(a, "mb:list").out().contains("recorded") && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            // killed (close() is a SIGKILL): what it acknowledged must outlive that. H2 2.2.224 lost the token and the
            // publish here, and the restored copy lost them at its second start (EmbeddedDatabaseDurabilityTest)
        }
        LauncherProcess.Result aNow = run(a, "-c", COMPARED + "; mb:history");
        assertEquals(aNow.toString(), 0, aNow.exit());
        before = answers(aNow);
        // what the killed node acknowledged is there after its restart: the publish (H2 2.2.224 lost it here)
        assertTrue(before, before.contains("mkt.greeter"));

        Path b = Files.createDirectories(root.resolve("b"));
        LauncherProcess.Result restored = run(b, "--restore", archive.toString());
        assertEquals(restored.toString(), 0, restored.exit());
        assertTrue(restored.toString(), restored.out().contains("Restored the backup of MilkBottle"));
        LauncherProcess.Result bNow = run(b, "-c", COMPARED + "; mb:history");
        assertEquals(bNow.toString(), 0, bNow.exit());
        String after = answers(bNow);
        // the restored runtime answers what the original answered, leaving out the deploy install if the backup
        // was taken before it committed (a consistent state either way)
        List<String> afterLines = after.lines().toList();
        List<String> missing = before.lines().filter(l -> !afterLines.contains(l))
                .filter(l -> !l.contains("recorded")).toList();
        assertEquals("lines the original shows and the restored one does not:\n" + before + "\n---\n" + after,
                List.of(), missing);
        assertTrue(after, after.contains("Howdy") && after.contains("0123456789abcdef") && after.contains("mkt.greeter"));

        // the marketplaces serve the published plugin byte for byte
        try (LauncherProcess original = LauncherProcess.start(a, jar, List.of(), "--headless");
                LauncherProcess copy = LauncherProcess.start(b, jar, List.of(), "--headless")) {
            original.awaitOutput("is running headless", START);
            copy.awaitOutput("is running headless", START);
            String path = "/repository/artifacts/" + publishedSha + "?runtime=1.0.0";
            assertNotEquals("each node has a port of its own", original.port(), copy.port());
            byte[] fromOriginal = awaitDownload("original", original, path);
            byte[] fromCopy = awaitDownload("restored copy", copy, path);
            assertArrayEquals(fromOriginal, fromCopy);
            assertArrayEquals(download(original.port(), "/api/plugins/mkt.greeter"),
                    download(copy.port(), "/api/plugins/mkt.greeter"));
        }
    }

    private byte[] awaitDownload(String node, LauncherProcess process, String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                return download(process.port(), path);
            } catch (IOException | AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    // say which node, and what it knows of the plugin: a flake seen twice in CI, not yet explained
                    String plugin;
                    try {
                        plugin = new String(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + process.port() + "/api/plugins/mkt.greeter")).build(),
                                HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
                    } catch (IOException asking) {
                        plugin = asking.toString();
                    }
                    throw new AssertionError("the " + node + " (port " + process.port() + ") did not serve " + path
                            + ": " + e.getMessage() + "\n/api/plugins/mkt.greeter: " + plugin + "\n" + process.describe(), e);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A copy of {@code archive} with each entry's bytes passed through {@code change}; null drops the entry. */
    private Path rewritten(Path archive, String name, java.util.function.BiFunction<String, byte[], byte[]> change)
            throws IOException {
        Path copy = root.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(copy);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                byte[] changed = change.apply(entry.getName(), bytes);
                if (changed != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(changed);
                    out.closeEntry();
                }
            }
        }
        return copy;
    }

    private static List<String> tree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> folder.relativize(p) + (Files.isRegularFile(p) ? " " + p.toFile().length() : ""))
                    .sorted().toList();
        }
    }

    @Test
    public void damagedOrForeignArchivesAreRefusedWithNothingChangedAndMbRestoreReplacesAtTheNextStart()
            throws Exception {
        Path a = Files.createDirectories(root.resolve("source"));
        Path archive = root.resolve("good.zip");
        LauncherProcess.Result made = run(a, "-c", "mb:install hello; mb:backup " + archive);
        assertEquals(made.toString(), 0, made.exit());

        byte[] whole = Files.readAllBytes(archive);
        Path truncated = root.resolve("truncated.zip");
        Files.write(truncated, Arrays.copyOf(whole, whole.length - 4000));
        Path tampered = rewritten(archive, "tampered.zip", (name, bytes) -> name.equals("data/state.json")
                ? new String(bytes, StandardCharsets.UTF_8).replace("hello", "hellx").getBytes(StandardCharsets.UTF_8)
                : bytes);
        Path otherFormat = rewritten(archive, "format2.zip", (name, bytes) -> name.equals("MANIFEST.properties")
                ? new String(bytes, StandardCharsets.ISO_8859_1).replace("format=1", "format=2")
                        .getBytes(StandardCharsets.ISO_8859_1) : bytes);
        Path newer = rewritten(archive, "newer.zip", (name, bytes) -> name.equals("MANIFEST.properties")
                ? new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("runtime.version=[^\\n]*",
                        "runtime.version=99.0.0").getBytes(StandardCharsets.ISO_8859_1) : bytes);

        // a runtime with a plugin of its own, which a refused restore must leave exactly as it is
        Path target = Files.createDirectories(root.resolve("target"));
        Path recorded = TestBundles.plugin("recorded", "1.0.0").writeTo(root, "recorded.jar");
        assertEquals(0, run(target, "-c", "mb:install " + recorded).exit());
        List<String> untouched = tree(target.resolve("data/milkbottle"));
        for (Path bad : List.of(truncated, tampered, otherFormat, newer)) {
            LauncherProcess.Result refused = run(target, "--restore", bad.toString(), "--replace");
            assertEquals(refused.toString(), 8, refused.exit());
            assertEquals(refused.toString(), 1, refused.err().lines().count());
            assertTrue(refused.toString(), refused.err().contains("cannot be restored") && refused.err()
                    .contains("Nothing was changed."));
            assertEquals(untouched, tree(target.resolve("data/milkbottle")));
        }
        LauncherProcess.Result notEmpty = run(target, "--restore", archive.toString());
        assertEquals(notEmpty.toString(), 8, notEmpty.exit());
        assertTrue(notEmpty.toString(), notEmpty.err().contains("is not empty") && notEmpty.err().contains("--replace"));
        assertEquals(untouched, tree(target.resolve("data/milkbottle")));

        // from inside the running runtime: checked now, carried out at the next start
        LauncherProcess.Result refusedInside = run(target, "-c", "mb:restore " + tampered);
        assertEquals(refusedInside.toString(), 1, refusedInside.exit());
        assertTrue(refusedInside.toString(), refusedInside.err().contains("differs from what the manifest recorded"));
        LauncherProcess.Result newerInside = run(target, "-c", "mb:restore " + newer);
        assertEquals(newerInside.toString(), 1, newerInside.exit());
        assertTrue(newerInside.toString(), newerInside.err().contains("a backup of MilkBottle 99.0.0, newer than"));
        assertFalse(Files.exists(target.resolve("data/restore-pending.zip")));
        LauncherProcess.Result staged = run(target, "-c", "mb:restore " + archive);
        assertEquals(staged.toString(), 0, staged.exit());
        assertTrue(staged.toString(), staged.out().contains("Restart the runtime to restore it"));
        LauncherProcess.Result replaced = run(target, "-c", "mb:list");
        assertEquals(replaced.toString(), 0, replaced.exit());
        assertTrue(replaced.toString(), replaced.out().contains("org.milkbottle.example.hello")
                && !replaced.out().contains("recorded"));
        assertTrue(replaced.toString(), replaced.err().contains("restored the backup"));
        assertFalse(Files.exists(target.resolve("data/restore-pending.zip")));
        try (Stream<Path> aside = Files.list(target.resolve("data"))) {
            assertTrue("the replaced data is kept", aside.anyMatch(p -> p.getFileName().toString()
                    .startsWith("before-restore-") && Files.exists(p.resolve("milkbottle/state.json"))));
        }

        // a kill after the restored folder was complete, before it was renamed into place: the next start finishes
        Path data = target.resolve("data/milkbottle");
        Path staging = target.resolve("data/milkbottle.restoring");
        Files.move(data, staging);
        Files.createFile(staging.resolve(".restore-complete"));
        LauncherProcess.Result finished = run(target, "-c", "mb:list");
        assertEquals(finished.toString(), 0, finished.exit());
        assertTrue(finished.toString(), finished.err().contains("finished a restore that was interrupted")
                && finished.out().contains("org.milkbottle.example.hello"));
        assertFalse(Files.exists(staging) || Files.exists(data.resolve(".restore-complete")));

        // a kill before it was complete: dropped, the data folder as it was
        Files.createDirectories(staging.resolve("artifacts"));
        Files.writeString(staging.resolve("state.json"), "[");
        LauncherProcess.Result dropped = run(target, "-c", "mb:list");
        assertEquals(dropped.toString(), 0, dropped.exit());
        assertTrue(dropped.toString(), dropped.err().contains("interrupted before its data was complete")
                && dropped.out().contains("org.milkbottle.example.hello"));
        assertFalse(Files.exists(staging));
    }
}
