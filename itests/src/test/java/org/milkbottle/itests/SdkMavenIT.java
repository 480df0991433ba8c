package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.GeneratedProjects.MavenRun;
import org.milkbottle.validation.testing.Signing;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * The SDK from Maven, as an author who never opens the shell uses it: the archetype (which makes exactly what
 * {@code mb:create} makes, for every template), {@code mvn verify} validating with the runtime's validator,
 * {@code milkbottle:package} signing, {@code milkbottle:publish} with the token from settings.xml; then the plugin is
 * installed by name in this runtime. Bad input to the goals fails the build with one clear line and writes nothing.
 */
@RunWith(PaxExam.class)
public class SdkMavenIT extends SdkTestSupport {

    private static final int PORT = freePort();
    private static final List<String> TEMPLATES = List.of("basic", "command", "config", "healthcheck", "service",
            "web");

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), OptionUtils.combine(marketplaceOptions(PORT),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.sdk.bundle"))));
    }

    private static String version() {
        return System.getProperty("milkbottle.version");
    }

    private MavenRun archetype(Path folder, String name, String template) throws Exception {
        return GeneratedProjects.maven(folder, "-q", "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=org.milkbottle", "-DarchetypeArtifactId=milkbottle-plugin-archetype",
                "-DarchetypeVersion=" + version(), "-DgroupId=org.acme", "-DartifactId=" + name,
                "-Dtemplate=" + template, "-DinteractiveMode=false");
    }

    @Test
    public void theArchetypeMakesWhatMbCreateMakesForEveryTemplateAndItsProjectBuildsInstallsAndWorks() throws Exception {
        Path commandProject = null;
        for (String template : TEMPLATES) {
            Path base = work("sdk-archetype-" + template);
            String name = "org.acme.arch" + template;
            Path folder = base.resolve(name);
            shell("mb:create " + name + " --template " + template + " --dir " + folder);
            Path byShell = Files.move(folder, base.resolve("made-by-mb-create"));

            MavenRun generated = archetype(base, name, template);
            assertEquals(generated.output(), 0, generated.status());
            Map<String, String> files = files(folder);
            assertTrue(files.keySet().toString(), files.containsKey("pom.xml") && files.containsKey("bnd.bnd"));
            assertEquals("the archetype's " + template + " project is mb:create's, file by file", files(byShell), files);
            if (template.equals("command")) {
                commandProject = folder;
            }
        }
        Path jar = GeneratedProjects.build(commandProject, "org.acme.archcommand");
        assertTrue("mvn verify wrote the reference page", Files.isRegularFile(commandProject.resolve(
                "target/docs/org.acme.archcommand.md")));
        assertNoFindings(jar);
        MavenRun inFramework = GeneratedProjects.maven(commandProject, "milkbottle:test");
        assertEquals(inFramework.output(), 0, inFramework.status());
        assertTrue(inFramework.output(), inFramework.output().contains("PASS  commands: archcommand:add, "
                + "archcommand:list answer help") && inFramework.output().contains("passed MilkBottle's in-framework test"));
        assertTrue(shell("mb:install file:" + jar).contains("ACTIVE"));
        assertEquals("Added entry 1.", shell("archcommand:add \"from the archetype\"").trim());

        MavenRun unknown = archetype(work("sdk-archetype-unknown"), "org.acme.nothing", "nothing");
        assertNotEquals(unknown.output(), 0, unknown.status());
        assertTrue(unknown.output(), unknown.output().contains("There is no template 'nothing'"));
    }

    @Test
    public void milkbottlePackageSignsAndMilkbottlePublishUsesTheTokenFromSettingsXml() throws Exception {
        awaitMarketplace();
        Path folder = work("sdk-maven-publish").resolve("almanac");
        shell("mb:create org.acme.almanac --template command --dir " + folder);
        Signing author = new Signing(work("sdk-maven-keys"), "almanac-author");

        MavenRun packaged = GeneratedProjects.maven(folder, "milkbottle:package",
                "-Dmilkbottle.keystore=" + author.keystore(), "-Dmilkbottle.storepass=secret");
        assertEquals(packaged.output(), 0, packaged.status());
        Path signed = onlyJar(folder.resolve("target/dist"));
        Process verify = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jarsigner").toString(),
                "-verify", signed.toString()).redirectErrorStream(true).start();
        String verified = new String(verify.getInputStream().readAllBytes());
        assertEquals(verified, 0, verify.waitFor());
        assertTrue(verified, verified.contains("jar verified"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(signed)));
        assertEquals(sha256 + "  " + signed.getFileName(), Files.readString(Path.of(signed + ".sha256")).trim());
        assertTrue(Files.isRegularFile(folder.resolve("target/dist/docs/org.acme.almanac.html")));

        Path settings = settings(folder, token());
        MavenRun published = GeneratedProjects.maven(folder, "-s", settings.toString(), "milkbottle:publish",
                "-Dmilkbottle.marketplace=" + marketplace());
        assertEquals(published.output(), 0, published.status());
        assertTrue(published.output(), published.output().contains("published org.acme.almanac 0.1.0."));
        assertTrue(shell("mb:search almanac").contains("org.acme.almanac"));
        assertTrue(shell("mb:install org.acme.almanac").contains("ACTIVE"));
        assertEquals("Added entry 1.", shell("almanac:add \"by name, from Maven\"").trim());
    }

    @Test
    public void badInputToTheGoalsFailsTheBuildWithOneClearLineAndWritesNothing() throws Exception {
        awaitMarketplace();
        Path folder = work("sdk-maven-bad").resolve("ledger");
        shell("mb:create org.acme.mledger --template command --dir " + folder);
        Signing author = new Signing(work("sdk-maven-bad-keys"), "ledger-author");
        Path dist = folder.resolve("target/dist");

        assertFails(GeneratedProjects.maven(folder, "-q", "milkbottle:package"), "Give the keystore to sign with");
        assertFails(GeneratedProjects.maven(folder, "-q", "milkbottle:package", "-Dmilkbottle.keystore="
                + author.keystore(), "-Dmilkbottle.storepass=wrong"), "did not open with that password");
        assertFails(GeneratedProjects.maven(folder, "-q", "milkbottle:package", "-Dmilkbottle.keystore="
                + folder.resolve("none.p12"), "-Dmilkbottle.storepass=x"), "does not exist");
        assertFalse("nothing signed", Files.exists(dist) && onlyJarOrNull(dist) != null);

        assertFails(GeneratedProjects.maven(folder, "-q", "milkbottle:publish"), "Name the marketplace");
        Path noServer = settings(folder, null);
        assertFails(GeneratedProjects.maven(folder, "-q", "-s", noServer.toString(), "milkbottle:publish",
                "-Dmilkbottle.marketplace=" + marketplace()), "No publishing token");
        Path wrongToken = settings(folder, "mbt_" + "A".repeat(43));
        assertFails(GeneratedProjects.maven(folder, "-q", "-s", wrongToken.toString(), "milkbottle:publish",
                "-Dmilkbottle.marketplace=" + marketplace()), "The marketplace refused the token");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertFails(GeneratedProjects.maven(folder, "-q", "-s", settings(folder, token()).toString(),
                "milkbottle:publish", "-Dmilkbottle.marketplace=http://127.0.0.1:" + closed),
                "Could not reach the marketplace at http://127.0.0.1:" + closed);
        assertFalse("nothing published", shell("mb:search mledger").contains("org.acme.mledger"));

        // a plugin whose component cannot activate fails its build's in-framework test, naming the check
        Path commands = folder.resolve("src/main/java/org/acme/mledger/MledgerCommands.java");
        String original = Files.readString(commands);
        Files.writeString(commands, original.replace("    private final Entries entries = new Entries();",
                "    private final Entries entries = new Entries();\n\n    @org.osgi.service.component.annotations.Activate\n"
                        + "    void activate() {\n        throw new IllegalStateException(\"no ledger today\");\n    }"));
        assertFails(GeneratedProjects.maven(folder, "-q", "verify"), "failed MilkBottle's in-framework test: install");
        Files.writeString(commands, original);

        // a plugin that would be refused fails its own build, naming the rule
        Path entries = folder.resolve("src/main/java/org/acme/mledger/Entries.java");
        String source = Files.readString(entries);
        Files.writeString(entries, source.substring(0, source.lastIndexOf('}'))
                + "    public static void run() throws Exception { Runtime.getRuntime().exec(new String[] {\"sh\"}); }\n}\n");
        assertFails(GeneratedProjects.maven(folder, "-q", "verify"), "would be refused by MilkBottle: "
                + "[trust.permission-not-allowed] uses Runtime.exec in org.acme.mledger.Entries.run");
    }

    private static void assertFails(MavenRun run, String message) {
        assertNotEquals(run.output(), 0, run.status());
        assertTrue(run.output(), run.output().contains(message));
    }

    private String marketplace() {
        return "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
    }

    private void awaitMarketplace() throws InterruptedException {
        awaitOk(URI.create(marketplace() + "/api/plugins"));
    }

    private String token() throws Exception {
        return Arrays.stream(shell("mb:market-token author").split("\\s+")).filter(w -> w.startsWith("mbt_"))
                .findFirst().orElseThrow();
    }

    /** A settings.xml with the token as the password of the server 'milkbottle' (none: no server). */
    private static Path settings(Path folder, String token) throws IOException {
        String servers = token == null ? "" : "<servers><server><id>milkbottle</id><password>" + token
                + "</password></server></servers>";
        return Files.writeString(Files.createTempFile(folder.getParent(), "settings-", ".xml"),
                "<settings>" + servers + "</settings>\n");
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    private static Path onlyJar(Path folder) throws IOException {
        Path jar = onlyJarOrNull(folder);
        assertTrue("one jar in " + folder, jar != null);
        return jar;
    }

    private static Path onlyJarOrNull(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
            return jars.size() == 1 ? jars.get(0) : null;
        }
    }
}
