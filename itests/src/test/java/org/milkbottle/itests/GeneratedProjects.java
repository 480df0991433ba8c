package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Projects made by mb:create or the archetype, built as their README says, with the Maven that runs this build. */
final class GeneratedProjects {

    private static final String SHORT_RUN_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private GeneratedProjects() {
    }

    /** Builds a generated project as its README says ({@code mvn -q verify}), offline; returns its jar. */
    static Path build(Path folder, String name) throws Exception {
        MavenRun build = maven(folder, "-q", "verify");
        assertEquals("mvn verify in " + folder + ":\n" + build.output(), 0, build.status());
        Path jar = folder.resolve("target/" + name + ".jar");
        assertTrue(jar + " built", Files.isRegularFile(jar));
        assertTrue("its own tests ran: " + build.output(), Files.isDirectory(folder.resolve("target/surefire-reports")));
        return jar;
    }

    /** What a Maven run printed, and its exit status. */
    record MavenRun(int status, String output) {
    }

    /** Runs the Maven that runs this build in {@code folder}, offline, against this build's local repository. */
    static MavenRun maven(Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(maven(), "-o", "-B"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        // Maven's own JVM tuned for short runs (as for a CLI): a quarter off each archetype run, a tenth off a build;
        // what it builds and runs is unchanged. An option the developer set comes last, so it wins.
        builder.environment().merge("MAVEN_OPTS", SHORT_RUN_JVM, (set, ours) -> ours + " " + set);
        Process run = builder.start();
        run.getOutputStream().close();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("mvn " + command + " ends", run.waitFor(300, TimeUnit.SECONDS));
        return new MavenRun(run.exitValue(), output);
    }

    private static String maven() {
        String home = System.getProperty("maven.home");
        return home != null && Files.isRegularFile(Path.of(home, "bin", "mvn")) ? Path.of(home, "bin", "mvn").toString()
                : "mvn";
    }
}
