package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.validation.testing.Signing;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

import com.sun.net.httpserver.HttpServer;

/** Installing, inspecting, starting, stopping and removing plugins through the API and the shell. */
@RunWith(PaxExam.class)
public class InstallIT extends MilkBottleTestSupport {

    private static final String HELLO = "org.milkbottle.example.hello";

    @Test
    public void installsTheExamplePluginFromAFileAndItWorks() throws Exception {
        String output = shell("mb:install " + helloJar());
        assertTrue(output, output.contains("Installed " + HELLO));

        Bundle hello = bundle(HELLO).orElseThrow();
        assertEquals(Bundle.ACTIVE, hello.getState());
        assertEquals("Hello, Ada!", shell("hello:greet Ada").trim());

        String list = shell("mb:list");
        assertTrue(list, list.contains(HELLO) && list.contains("ACTIVE") && list.contains(helloJar().toString()));
        assertFalse("runtime bundles only with -a: " + list, list.contains("org.apache.felix.scr"));
        assertTrue(shell("mb:list -a").contains("org.apache.felix.scr"));
    }

    @Test
    public void infoShowsAllManifestMetadataDependenciesCommandsConfigurationAndHealth() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        PluginDetails details = manager.details("hello");
        assertEquals("Hello", details.descriptor().name());
        assertEquals("MilkBottle", details.descriptor().vendor());
        assertEquals("hello@milkbottle.org", details.descriptor().contact());
        assertTrue(details.descriptor().license().startsWith("Apache-2.0"));
        assertEquals(List.of("greeting"), details.descriptor().capabilities());
        assertEquals(List.of("example", "greeting", "demo"), details.descriptor().tags());
        assertEquals("[1.0.0,2.0.0)", details.descriptor().runtimeRange());
        assertTrue(details.commands().contains("hello:greet"));
        assertTrue(details.dependencies().stream().anyMatch(d -> d.requirement().startsWith("MilkBottle runtime")
                && d.provider().startsWith("org.milkbottle.core")));
        assertEquals("org.milkbottle.example.hello", details.configurations().get(0).pid());
        assertEquals("OK", details.health().status());

        String info = shell("mb:info hello");
        for (String expected : new String[] {"Greets people", "hello@milkbottle.org", "Apache-2.0", "Tags:",
            "needs MilkBottle [1.0.0,2.0.0); this runtime is 1.0.0", "hello:greet", "excitement",
            "https://milkbottle.org/plugins/hello", "Health: OK"}) {
            assertTrue("mb:info lacks '" + expected + "':\n" + info, info.contains(expected));
        }
    }

    @Test
    public void simulateShowsThePlanAndChangesNothing() throws Exception {
        long before = context.getBundles().length;
        String output = shell("mb:install --simulate " + helloJar());
        assertTrue(output, output.contains("Simulation: nothing was changed") && output.contains("install " + HELLO));
        assertEquals(before, context.getBundles().length);
        assertTrue(String.valueOf(manager.history()), manager.history().isEmpty());
    }

    @Test
    public void installsFromHttpUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[][] jar = {Files.readAllBytes(helloJar())};
        server.createContext("/hello.jar", exchange -> {
            exchange.sendResponseHeaders(200, jar[0].length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jar[0]);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hello.jar";
            String untrusted = expectError(() -> manager.install(InstallRequest.of("test", url)));
            assertTrue(untrusted, untrusted.contains("[trust.required]"));

            // the same jar, signed by a publisher the runtime trusts, installs
            Signing publisher = new Signing(work("keys"), "hello-publisher");
            Path signed = publisher.sign(Files.copy(helloJar(), work("signed").resolve("hello.jar")));
            jar[0] = Files.readAllBytes(signed);
            shell("mb:trust add " + publisher.exportCertificate(work("cert").resolve("publisher.pem")));
            assertTrue(shell("mb:trust list").contains("hello-publisher"));
            InstallResult result = manager.install(InstallRequest.of("test", url));
            assertEquals(Bundle.ACTIVE, bundle(HELLO).orElseThrow().getState());
            assertEquals(url, result.plugins().get(0).source());

            String missing = "http://127.0.0.1:" + server.getAddress().getPort() + "/missing.jar";
            String error = expectError(() -> shell("mb:install " + missing));
            assertTrue(error, error.contains("HTTP 404"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void installsALibraryFromMavenCoordinatesInTheLocalRepository() throws Exception {
        String output = shell("mb:install mvn:org.apache.commons/commons-lang3/3.14.0");
        assertTrue(output, output.contains("Installed org.apache.commons.lang3 3.14.0: ACTIVE"));
        PluginInfo info = manager.list(false).get(0);
        assertEquals("library", info.kind());

        String error = expectError(() -> shell("mb:install mvn:org.example/not-there/1.0"));
        assertTrue(error, error.contains("mvn:org.example/not-there/1.0") && error.contains("local Maven repository"));
        String bad = expectError(() -> shell("mb:install mvn:only/two"));
        assertTrue(bad, bad.contains("not valid Maven coordinates"));
    }

    @Test
    public void stopStartAndUninstall() throws Exception {
        manager.install(InstallRequest.of("test", helloJar().toString()));
        assertTrue(shell("mb:stop hello").contains("RESOLVED"));
        assertTrue(shell("mb:list").contains("STOPPED"));
        assertTrue(shell("mb:start hello").contains("ACTIVE"));
        String output = shell("mb:uninstall hello");
        assertTrue(output, output.contains("uninstall " + HELLO));
        assertFalse(bundle(HELLO).isPresent());

        String error = expectError(() -> shell("mb:uninstall org.apache.felix.scr"));
        assertTrue(error, error.contains("part of the MilkBottle runtime"));
        assertTrue(bundle("org.apache.felix.scr").isPresent());
        assertTrue(expectError(() -> shell("mb:info nothing-here")).contains("No plugin named 'nothing-here'"));
    }

    @Test
    public void helpExplainsCommandsAndFlags() throws Exception {
        String help = shell("help mb:install");
        assertTrue(help, help.contains("--simulate") && help.contains("--no-start") && help.contains("mvn:"));
        assertTrue(shell("help mb:rollback").contains("transaction id"));
    }

    @Test
    public void noStartInstallsWithoutStarting() throws Exception {
        InstallResult result = manager.install(new InstallRequest(List.of(helloJar().toString()), false, false, "t"));
        assertEquals(PlannedChange.Action.INSTALL, result.plan().changes().get(0).action());
        assertEquals(Bundle.RESOLVED, bundle(HELLO).orElseThrow().getState());
    }

    /** Runs {@code action}, which must fail, and returns its error message. */
    static String expectError(ThrowingAction action) {
        try {
            action.run();
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("expected an error");
    }

    interface ThrowingAction {
        Object run() throws Exception;
    }

}
