package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Projects made by mb:create, built as their README says, with the Maven that runs this build. */
final class GeneratedProjects {

    private GeneratedProjects() {
    }

    /** Builds a generated project as its README says ({@code mvn -q verify}), offline; returns its jar. */
    static Path build(Path folder, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(maven(), "-o", "-q", "-B", "verify"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Process build = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("the build ends", build.waitFor(300, TimeUnit.SECONDS));
        assertEquals("mvn verify in " + folder + ":\n" + output, 0, build.exitValue());
        Path jar = folder.resolve("target/" + name + ".jar");
        assertTrue(jar + " built", Files.isRegularFile(jar));
        assertTrue("its own tests ran: " + output, Files.isDirectory(folder.resolve("target/surefire-reports")));
        return jar;
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        return home != null && Files.isRegularFile(Path.of(home, "bin", "mvn")) ? Path.of(home, "bin", "mvn").toString()
                : "mvn";
    }
}
