package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;

/**
 * The framework cache ({@code data/framework}) written behind the runtime's back, as a plugin allowed to write files
 * could: the exported runtime must run exactly the runtime bundles it ships, and nothing planted there may pass for
 * one of them, wire into them or start among them.
 */
public class FrameworkCacheIT {

    private Path workdir;

    @Before
    public void freshWorkingFolder() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("launcher-it")), "cache-");
    }

    private LauncherIT.Run run(String... args) throws Exception {
        return LauncherIT.run(workdir, List.of(), args);
    }

    @Test
    public void aRuntimeBundleChangedInTheFrameworkCacheIsWrittenAgainFromTheLauncher() throws Exception {
        assertEquals(0, run("-c", "mb:list").exit());
        Path cached = null;
        try (var folders = Files.list(workdir.resolve("data/framework"))) {
            for (Path folder : folders.toList()) {
                Path info = folder.resolve("bundle.info");
                if (Files.isRegularFile(info) && Files.readString(info, StandardCharsets.ISO_8859_1)
                        .contains("jar/validation-bundle")) {
                    cached = folder.resolve("version0.0/bundle.jar");
                }
            }
        }
        assertTrue("the validation bundle's cached jar", cached != null && Files.isRegularFile(cached));
        byte[] shipped = Files.readAllBytes(cached);
        // what a plugin allowed to write files could do: put other code in the runtime's own bundle
        Files.copy(Path.of(System.getProperty("milkbottle.hello.bundle")), cached,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        LauncherIT.Run after = run("-c", "mb:list");
        assertEquals(after.toString(), 0, after.exit());
        assertTrue(after.toString(), after.err().contains("jar/validation-bundle")
                && after.err().contains("was changed behind the runtime's back"));
        try (var revisions = Files.walk(cached.getParent().getParent(), 2)) {
            List<Path> jars = revisions.filter(p -> p.getFileName().toString().equals("bundle.jar")).toList();
            assertEquals(jars.toString(), 1, jars.size());
            assertTrue("the shipped jar is back", java.util.Arrays.equals(shipped, Files.readAllBytes(jars.get(0))));
        }
    }

    @Test
    public void aRuntimeBundleChangedInPlaceKeepingItsSizeAndTimeIsWrittenAgain() throws Exception {
        assertEquals(0, run("-c", "mb:list").exit());
        // H2 starts at level 3, after the prompt: it is checked before the framework starts all the same
        Path cached = cachedRuntimeBundle("jar/h2-");
        byte[] shipped = Files.readAllBytes(cached);
        byte[] changed = shipped.clone();
        changed[changed.length / 2] ^= 0x5a; // one byte in the middle: same size, and the time is put back
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(cached);
        Files.write(cached, changed);
        Files.setLastModifiedTime(cached, time);

        LauncherIT.Run after = run("-c", "mb:list");
        assertEquals(after.toString(), 0, after.exit());
        assertTrue(after.toString(), after.err().contains("jar/h2-") && after.err().contains("behind the runtime's back"));
        Path now = cachedRuntimeBundle("jar/h2-");
        assertTrue("the shipped jar is back", java.util.Arrays.equals(shipped, Files.readAllBytes(now)));
        LauncherIT.Run again = run("-c", "mb:list");
        assertFalse("nothing to say once the copy is right: " + again, again.err().contains("behind the runtime's back"));
    }

    @Test
    public void bundlesPlantedInTheFrameworkCacheNeitherPassForTheRuntimesNorStartBeforeIt() throws Exception {
        assertEquals(0, run("-c", "mb:list").exit());
        Path framework = workdir.resolve("data/framework");
        Path hello = Path.of(System.getProperty("milkbottle.hello.bundle"));
        Path fragment = TestBundles.library("planted.fragment", "1.0.0")
                .header("Fragment-Host", "org.milkbottle.validation").writeTo(workdir, "fragment.jar");
        // written straight into Felix's cache, the way a plugin allowed to write files could: one under a location
        // of the runtime's own (jar/...) that the launcher does not ship; a second bundle at a shipped location;
        // one at start level 1, persistently started, among the runtime's bundles - ahead of recovery and of the
        // validator's first look; and a fragment of the validation bundle
        plant(framework.resolve("bundle901"), 901, "jar/hello-1.0.0.jar", hello, 1);
        plant(framework.resolve("bundle902"), 902, hello.toUri().toString(), hello, 1);
        plant(framework.resolve("bundle903"), 903, "jar/" + Path.of(cachedRuntimeBundleLocation("jar/core-bundle")).getFileName(),
                hello, 1);
        plant(framework.resolve("bundle904"), 904, fragment.toUri().toString(), fragment, 2);
        // and what an upgrade leaves: a runtime bundle an older launcher shipped (its record names it), gone quietly
        plant(framework.resolve("bundle905"), 905, "jar/h2-2.2.224.jar", hello, 3);
        Files.writeString(framework.resolve("milkbottle-runtime-bundles.properties"), "jar/h2-2.2.224.jar=0a1b\n",
                java.nio.file.StandardOpenOption.APPEND);

        LauncherIT.Run after = run("-c", "lb -s");
        assertEquals(after.toString(), 0, after.exit());
        assertTrue(after.toString(), after.err().contains("bundle 902") && after.err().contains("moved to the plugins' level 2"));
        assertTrue(after.toString(), after.err().contains("bundle 901 at jar/hello-1.0.0.jar is not one the launcher ships")
                && after.err().contains("claim the runtime's location jar/core-bundle"));
        assertTrue("the fragment did not attach to the validation bundle: " + after,
                after.out().lines().anyMatch(l -> l.contains("planted.fragment") && l.contains("Installed")));
        LauncherIT.Run list = run("-c", "lb -l");
        assertFalse("the bundles planted under runtime locations are gone: " + list,
                list.out().contains("jar/hello-1.0.0.jar") || list.out().contains("bundle903"));
        assertFalse("an older launcher's bundle is uninstalled without a warning: " + after,
                after.err().contains("jar/h2-2.2.224.jar") || list.out().contains("jar/h2-2.2.224.jar"));
        assertEquals("the runtime's own core is still the one shipped: " + list, 1,
                list.out().lines().filter(l -> l.contains("jar/core-bundle")).count());
        String info = Files.readString(framework.resolve("bundle902/bundle.info"), StandardCharsets.ISO_8859_1);
        assertEquals("the other one waits at the plugins' level: " + info, "2", info.split("\\n")[3].trim());
    }

    @Test
    public void aRuntimeBundlesRevisionRedirectedOrShadowedInTheCacheIsWrittenAgain() throws Exception {
        assertEquals(0, run("-c", "mb:list").exit());
        Path hello = Path.of(System.getProperty("milkbottle.hello.bundle"));
        // the validation bundle's revision made to point at another jar, its bundle.jar left as shipped
        Path validation = cachedRuntimeBundle("jar/validation-bundle").getParent();
        Files.writeString(validation.resolve("revision.location"), "reference:" + hello.toUri(), StandardCharsets.ISO_8859_1);
        // the core: a revision folder that Felix picks (refresh count 0) next to one that only looks newer
        Path goodCore = cachedRuntimeBundle("jar/core-bundle");
        Path core = goodCore.getParent().getParent();
        Path shadow = Files.createDirectories(core.resolve("version0.7"));
        Files.copy(hello, shadow.resolve("bundle.jar"));
        Files.writeString(shadow.resolve("revision.location"), "inputstream:", StandardCharsets.ISO_8859_1);
        Path decoy = Files.createDirectories(core.resolve("version1.0"));
        Files.copy(goodCore, decoy.resolve("bundle.jar"));
        Files.writeString(decoy.resolve("revision.location"), "inputstream:", StandardCharsets.ISO_8859_1);

        LauncherIT.Run after = run("-c", "mb:list");
        assertEquals(after.toString(), 0, after.exit());
        assertTrue(after.toString(), after.err().contains("jar/validation-bundle") && after.err().contains("jar/core-bundle")
                && after.err().contains("behind the runtime's back"));
        LauncherIT.Run again = run("-c", "lb -s");
        assertEquals(again.toString(), 0, again.exit());
        assertFalse("nothing to say once the copies are right: " + again, again.err().contains("behind the runtime's back"));
        assertTrue(again.toString(), again.out().lines().anyMatch(l -> l.contains("org.milkbottle.core") && l.contains("Active"))
                && again.out().lines().anyMatch(l -> l.contains("org.milkbottle.validation") && l.contains("Active")));
    }

    /**
     * A kill -9 in the middle of an uninstall or install (seen during an mb:rollback of several plugins) leaves a
     * bundle folder Felix cannot read: it removed it itself, printing an ERROR and a NumberFormatException.
     */
    @Test
    public void bundleFoldersAKillLeftHalfWrittenAreRemovedQuietlyAndThePluginComesBack() throws Exception {
        LauncherIT.Run installed = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle"));
        assertEquals(installed.toString(), 0, installed.exit());
        Path cache = workdir.resolve("data/framework");
        Path newest = helloFolder();
        String info = Files.readString(newest.resolve("bundle.info"), StandardCharsets.ISO_8859_1);
        // its bundle.info cut after the first line; and a folder whose bundle.info was deleted first
        Files.writeString(newest.resolve("bundle.info"), info.lines().findFirst().orElseThrow() + "\n",
                StandardCharsets.ISO_8859_1);
        Files.createDirectories(cache.resolve("bundle977/version0.0"));

        LauncherIT.Run again = run("-c", "mb:list");

        assertEquals(again.toString(), 0, again.exit());
        String said = again.out() + again.err();
        assertFalse(again.toString(), said.contains("Error reloading cached bundle") || said.contains("Exception"));
        assertTrue(again.toString(), again.out().lines()
                .anyMatch(l -> l.contains("org.milkbottle.example.hello") && l.contains("ACTIVE")));
        assertFalse(Files.exists(cache.resolve("bundle977")));
    }

    /**
     * A SIGTERM while a transaction started its plugins: the transaction committed them as started, but Felix
     * refused to start them as it stopped, so they were never marked started in its cache, and they stayed stopped
     * at every launch after. Here the mark is taken off by hand, as that stop left it.
     */
    @Test
    public void aPluginTheStateRecordsAsStartedStartsEvenIfTheFrameworkNeverMarkedIt() throws Exception {
        LauncherIT.Run installed = run("-c", "mb:install " + System.getProperty("milkbottle.hello.bundle"));
        assertEquals(installed.toString(), 0, installed.exit());
        Path info = helloFolder().resolve("bundle.info");
        List<String> lines = new ArrayList<>(Files.readAllLines(info, StandardCharsets.ISO_8859_1));
        lines.set(2, "2"); // Felix's persistent state: INSTALLED, not started
        Files.write(info, lines, StandardCharsets.ISO_8859_1);

        LauncherIT.Run again = run("-c", "mb:list");

        assertEquals(again.toString(), 0, again.exit());
        assertTrue(again.toString(), again.out().lines()
                .anyMatch(l -> l.contains("org.milkbottle.example.hello") && l.contains("ACTIVE")));
    }

    /**
     * One plugin's cache folder lost (a kill -9, a disk): it is installed again from the artifact store, and the
     * others start as committed. Restoring their live state (none ACTIVE before the gate opens) marked them all
     * stopped, for good.
     */
    @Test
    public void onePluginLostFromTheCacheComesBackAndTheOthersStillStart() throws Exception {
        Path other = TestBundles.plugin("org.acme.other", "1.0.0").writeTo(workdir.resolve("jars"), "other.jar");
        LauncherIT.Run installed = run("-c", "mb:install " + other + " "
                + System.getProperty("milkbottle.hello.bundle"));
        assertEquals(installed.toString(), 0, installed.exit());
        Path lost;
        try (Stream<Path> folders = Files.list(workdir.resolve("data/framework"))) {
            lost = folders.filter(f -> f.getFileName().toString().matches("bundle\\d+")).filter(f -> {
                try {
                    return Files.readString(f.resolve("bundle.info"), StandardCharsets.ISO_8859_1).contains("other");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow();
        }
        try (Stream<Path> paths = Files.walk(lost)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        for (int launch = 0; launch < 2; launch++) { // and at the launch after, too
            LauncherIT.Run again = run("-c", "mb:list");
            assertEquals(again.toString(), 0, again.exit());
            for (String plugin : List.of("org.acme.other", "org.milkbottle.example.hello")) {
                assertTrue(again.toString(), again.out().lines()
                        .anyMatch(l -> l.contains(plugin) && l.contains("ACTIVE")));
            }
        }
    }

    /** The cache folder of the plugin installed last (the highest bundle id). */
    private Path helloFolder() throws IOException {
        try (Stream<Path> folders = Files.list(workdir.resolve("data/framework"))) {
            Path newest = folders.filter(f -> f.getFileName().toString().matches("bundle\\d+"))
                    .max(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString().substring(6))))
                    .orElseThrow();
            assertTrue(newest.toString(), Files.readString(newest.resolve("bundle.info"),
                    StandardCharsets.ISO_8859_1).contains("hello"));
            return newest;
        }
    }

    private static void plant(Path folder, long id, String location, Path jar, int level) throws IOException {
        Files.createDirectories(folder.resolve("version0.0"));
        Files.copy(jar, folder.resolve("version0.0/bundle.jar"));
        Files.writeString(folder.resolve("version0.0/revision.location"), "inputstream:", StandardCharsets.ISO_8859_1);
        // Felix's bundle.info: id, location, persistent state (32: started), start level, last modified, refreshes
        Files.writeString(folder.resolve("bundle.info"), id + "\n" + location + "\n32\n" + level + "\n" + System.currentTimeMillis()
                + "\n0\n", StandardCharsets.ISO_8859_1);
    }

    private String cachedRuntimeBundleLocation(String locationPrefix) throws IOException {
        try (var folders = Files.list(workdir.resolve("data/framework"))) {
            for (Path folder : folders.toList()) {
                Path info = folder.resolve("bundle.info");
                if (Files.isRegularFile(info)) {
                    String location = Files.readAllLines(info, StandardCharsets.ISO_8859_1).get(1);
                    if (location.startsWith(locationPrefix)) {
                        return location;
                    }
                }
            }
        }
        throw new AssertionError("no cached bundle at " + locationPrefix);
    }

    private Path cachedRuntimeBundle(String locationPrefix) throws IOException {
        try (var folders = Files.list(workdir.resolve("data/framework"))) {
            for (Path folder : folders.toList()) {
                Path info = folder.resolve("bundle.info");
                if (Files.isRegularFile(info)
                        && Files.readAllLines(info, StandardCharsets.ISO_8859_1).get(1).startsWith(locationPrefix)) {
                    try (var revisions = Files.walk(folder, 2)) {
                        return revisions.filter(p -> p.getFileName().toString().equals("bundle.jar")).max(
                                java.util.Comparator.comparing(Path::toString)).orElseThrow();
                    }
                }
            }
        }
        throw new AssertionError("no cached bundle at " + locationPrefix);
    }
}
