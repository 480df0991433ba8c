package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Before;
import org.junit.Test;

/**
 * "Change nothing", "nothing is left behind": a simulation and a refused file keep nothing of what they fetched
 * in the runtime's artifact store (which every backup copies); an install keeps exactly its jar.
 */
public class NothingLeftBehindIT {

    private Path workdir;

    @Before
    public void freshWorkingFolder() throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        workdir = Files.createTempDirectory(Files.createDirectories(target.resolve("left-behind-it")), "run-");
    }

    /** Every file under the artifact store, at any depth (the requests' stagings included). */
    private List<Path> artifactFiles() throws IOException {
        Path artifacts = workdir.resolve("data/milkbottle/artifacts");
        if (!Files.exists(artifacts)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(artifacts)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    public void aSimulationAndARefusedFileLeaveNothingInTheStoreAndAnInstallKeepsItsJar() throws Exception {
        String hello = System.getProperty("milkbottle.hello.bundle");
        Path notAJar = Files.writeString(workdir.resolve("pom.xml"), "<project/>");

        LauncherIT.Run simulated = LauncherIT.run(workdir, List.of(), "-c", "mb:install --simulate " + hello);
        assertEquals(simulated.toString(), 0, simulated.exit());
        assertTrue(simulated.toString(), simulated.out().contains("nothing was changed"));
        assertEquals(simulated.toString(), List.of(), artifactFiles());

        LauncherIT.Run refused = LauncherIT.run(workdir, List.of(), "-c", "mb:install " + notAJar);
        assertEquals(refused.toString(), 1, refused.exit());
        assertTrue(refused.toString(), refused.err().contains("is not a valid jar file"));
        assertEquals(refused.toString(), List.of(), artifactFiles());

        LauncherIT.Run installed = LauncherIT.run(workdir, List.of(), "-c", "mb:install " + hello);
        assertEquals(installed.toString(), 0, installed.exit());
        List<Path> kept = artifactFiles();
        assertEquals(kept.toString(), 1, kept.size());
        assertEquals(kept.toString(), workdir.resolve("data/milkbottle/artifacts"), kept.get(0).getParent());
    }
}
