package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;

/**
 * The author's loop to its end: mb:create, build, mb:publish to the marketplace this runtime embeds (over its HTTP
 * API, with a token), then mb:install by name and use it. A wrong token, an unreachable marketplace, a jar the
 * validator refuses and a version published before are refused with one clear line, and nothing is published.
 */
@RunWith(PaxExam.class)
public class SdkPublishIT extends SdkTestSupport {

    private static final int PORT = freePort();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), OptionUtils.combine(marketplaceOptions(PORT),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.sdk.bundle"))));
    }

    private String token() throws Exception {
        return Arrays.stream(shell("mb:market-token author").split("\\s+")).filter(w -> w.startsWith("mbt_"))
                .findFirst().orElseThrow();
    }

    private void awaitMarketplace() throws InterruptedException {
        awaitOk(URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + "/api/plugins"));
    }

    @Test
    public void aGeneratedPluginIsPublishedWithATokenThenInstalledByName() throws Exception {
        awaitMarketplace();
        Path folder = work("sdk-publish").resolve("journal");
        shell("mb:create org.acme.journal --template command --dir " + folder);
        Path jar = GeneratedProjects.build(folder, "org.acme.journal");
        String token = token();

        String published = shell("mb:publish --token " + token + " " + jar);
        assertTrue(published, published.startsWith("Published org.acme.journal 0.1.0.")
                && published.contains("to http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port"))
                && published.contains("mb:install org.acme.journal"));
        assertTrue(shell("mb:search journal").contains("org.acme.journal"));
        String installed = shell("mb:install org.acme.journal");
        assertTrue(installed, installed.contains("org.acme.journal") && installed.contains("ACTIVE"));
        assertEquals("Added entry 1.", shell("journal:add \"by name\"").trim());

        // a second runtime (its own process, folder and port) that adds this marketplace installs it by name too
        String second = secondRuntime("mb:repo-add first http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + "/repository/ ; mb:install org.acme.journal ; "
                + "journal:add \"on the second runtime\"");
        assertTrue(second, second.contains("Installed org.acme.journal") && second.contains("Added entry 1."));

        // the same version again: a published version is never replaced
        String again = expectShellError("mb:publish --token " + token + " " + jar);
        assertTrue(again, again.startsWith("The marketplace refused the jar: ") && again.contains("never replaced")
                && again.endsWith("Nothing was published."));
    }

    /** Runs commands in a runtime of its own (the exported launcher jar) and returns what it printed; it must succeed. */
    private String secondRuntime(String commands) throws Exception {
        Path folder = work("sdk-second-runtime");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.osgi.service.http.port=" + freePort(), "-jar", System.getProperty("milkbottle.launcher.jar"), "-c",
                commands).directory(folder.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue("the second runtime ends", process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(output, 0, process.exitValue());
        return output;
    }

    /** The web template's servlet answers on the runtime's HTTP port once installed (the whiteboard serves it). */
    @Test
    public void theWebTemplatesServletAnswersOnTheRuntimesHttpPort() throws Exception {
        awaitMarketplace();
        Path folder = work("sdk-web").resolve("hello-web");
        installedProject("org.acme.hello-web", "--template web", folder);
        String answer = awaitOk(URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port")
                + "/plugin/org.acme.hello-web/?name=Ada"));
        assertEquals("200 {\"plugin\": \"org.acme.hello-web\", \"greeting\": \"Hello, Ada!\"}", answer);
    }

    @Test
    public void wrongTokensUnreachableMarketplacesAndRefusedJarsPublishNothing() throws Exception {
        awaitMarketplace();
        Path folder = work("sdk-publish-bad").resolve("ledger");
        shell("mb:create org.acme.ledger --template command --dir " + folder);
        Path bnd = folder.resolve("bnd.bnd");
        Files.writeString(bnd, Files.readString(bnd).replace("Bundle-ContactAddress: plugins@acme.org",
                "Bundle-ContactAddress: nobody"));
        // built with the build's own validation skipped: the marketplace validates again, whatever the author did
        GeneratedProjects.MavenRun build = GeneratedProjects.maven(folder, "-q", "verify", "-Dmilkbottle.skip=true");
        assertEquals(build.output(), 0, build.status());
        Path jar = folder.resolve("target/org.acme.ledger.jar");

        String wrongToken = expectShellError("mb:publish --token mbt_" + "A".repeat(43) + " " + jar);
        assertTrue(wrongToken, wrongToken.startsWith("The marketplace refused the token: "));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String unreachable = expectShellError("mb:publish --marketplace http://127.0.0.1:" + closed + " --token "
                + token() + " " + jar);
        assertEquals("Could not reach the marketplace at http://127.0.0.1:" + closed + " (nothing answers there); "
                + "check the address and that it runs. Nothing was published.", unreachable);
        String refused = expectShellError("mb:publish --token " + token() + " " + jar);
        assertTrue(refused, refused.startsWith("The marketplace refused the jar: ")
                && refused.contains("metadata.contact"));
        assertTrue(expectShellError("mb:publish --token " + token() + " " + folder.resolve("missing.jar"))
                .contains("is not a file"));
        assertTrue("nothing of it was published", !shell("mb:search ledger").contains("org.acme.ledger"));
    }
}
