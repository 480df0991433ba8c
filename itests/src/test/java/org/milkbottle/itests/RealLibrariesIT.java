package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginException;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/**
 * Popular, unmodified libraries from Maven Central are not refused: trust comes from their provenance
 * (a trusted Maven repository, checksum checked), and a plugin may bring its own version of a library the
 * runtime also ships. The same jar from a local file is refused, saying how to proceed, until the
 * operator allows it. Needs Maven Central; skipped — loudly — when it cannot be reached.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RealLibrariesIT extends MilkBottleTestSupport {

    private static final String CENTRAL = "https://repo1.maven.org/maven2/";

    /** Libraries with the bundles they need that the runtime lacks; installed as one transaction. */
    static final List<String> LIBRARIES = List.of(
            "mvn:com.fasterxml.jackson.core/jackson-annotations/2.18.2",
            "mvn:com.fasterxml.jackson.core/jackson-core/2.18.2",
            "mvn:com.fasterxml.jackson.core/jackson-databind/2.18.2",
            "mvn:com.google.guava/guava/33.3.1-jre",
            "mvn:com.google.guava/failureaccess/1.0.2",
            "mvn:org.apache.commons/commons-lang3/3.17.0",
            "mvn:commons-io/commons-io/2.18.0",
            "mvn:commons-codec/commons-codec/1.17.1",
            "mvn:org.apache.commons/commons-collections4/4.4",
            "mvn:org.apache.commons/commons-compress/1.27.1",
            "mvn:org.apache.commons/commons-csv/1.12.0",
            "mvn:org.apache.commons/commons-text/1.12.0",
            // SLF4J 2 and Logback 1.5 need the OSGi service loader mediator (Aries SPI Fly), a weaving hook
            // that only a trusted signer's bundle may bring: the 1.x lines bind without it. slf4j-api 1.7.36
            // (and Caffeine 3.1.8 below) are the runtime's own versions, so the runtime's copy serves and
            // nothing is installed for them
            "mvn:org.slf4j/slf4j-api/1.7.36",
            "mvn:ch.qos.logback/logback-core/1.2.13",
            "mvn:ch.qos.logback/logback-classic/1.2.13",
            "mvn:com.google.code.gson/gson/2.11.0",
            "mvn:org.yaml/snakeyaml/2.3",
            "mvn:org.jsoup/jsoup/1.18.3",
            "mvn:com.github.ben-manes.caffeine/caffeine/3.1.8",
            "mvn:io.netty/netty-common/4.1.115.Final",
            "mvn:io.netty/netty-buffer/4.1.115.Final",
            "mvn:org.eclipse.jetty/jetty-util/9.4.56.v20240826",
            "mvn:org.osgi/org.osgi.service.jdbc/1.1.0", // H2's activator registers a DataSourceFactory
            "mvn:com.h2database/h2/2.3.232",
            "mvn:org.postgresql/postgresql/42.7.4",
            "mvn:org.bouncycastle/bcprov-jdk18on/1.79",
            "mvn:commons-logging/commons-logging/1.3.4",
            "mvn:org.apache.pdfbox/fontbox/2.0.32",
            "mvn:org.apache.pdfbox/pdfbox/2.0.32",
            "mvn:org.ow2.asm/asm/9.7.1",
            "mvn:org.javassist/javassist/3.30.2-GA",
            "mvn:net.java.dev.jna/jna/5.15.0",
            "mvn:com.google.protobuf/protobuf-java/4.28.3",
            "mvn:org.reactivestreams/reactive-streams/1.0.4",
            "mvn:io.reactivex.rxjava3/rxjava/3.1.9");

    @Test
    public void popularLibrariesFromMavenCentralAreInstalledAndNoneIsRefused() throws Exception {
        assumeCentralReachable();
        InstallResult result;
        try {
            result = manager.install(new InstallRequest(LIBRARIES, false, true, "shell"));
        } catch (PluginException e) {
            fail("popular libraries from Maven Central were refused:\n" + e.getMessage());
            return;
        }
        // every library runs, in the version asked for: installed, or the runtime's own copy of that version
        assertEquals(LIBRARIES.size() - 2, result.plugins().size());
        List<String> notActive = new ArrayList<>();
        for (var plugin : result.plugins()) {
            Bundle bundle = context.getBundle(plugin.bundleId());
            if (bundle.getState() != Bundle.ACTIVE) {
                notActive.add(plugin.symbolicName() + " " + bundle.getState());
            }
        }
        assertTrue("not started: " + notActive, notActive.isEmpty());
        // a second Jackson beside the runtime's: OSGi runs both
        assertEquals(2, java.util.Arrays.stream(context.getBundles())
                .filter(b -> "com.fasterxml.jackson.core.jackson-databind".equals(b.getSymbolicName())).count());
        String audit = shell("mb:audit " + LIBRARIES.size());
        assertTrue(audit, audit.contains("trust source (SHA-"));
        assertTrue(audit, !audit.contains("VETOED"));
        System.out.println("RealLibrariesIT: " + LIBRARIES.size() + " libraries from Maven Central, 0 refused, "
                + result.warnings().size() + " warnings (framework-level calls in vouched libraries)");
    }

    @Test
    public void theSameJarFromALocalFileIsRefusedSayingHowToProceedUntilTheOperatorAllowsIt() throws Exception {
        assumeCentralReachable();
        // Guava uses sun.misc.Unsafe (reflection): beyond what an untrusted file may do
        Path jar = download("com/google/guava/guava/33.3.1-jre/guava-33.3.1-jre.jar", work("local"));
        Path failureaccess = download("com/google/guava/failureaccess/1.0.2/failureaccess-1.0.2.jar", work("local"));
        String refused = InstallIT.expectError(() -> shell("mb:install " + failureaccess + " " + jar));
        String sha = sha256(jar);
        assertTrue(refused, refused.contains("Refused by validation"));
        assertTrue(refused, refused.contains("mb:trust-allow " + sha));
        assertTrue(refused, refused.contains("trust.permission-not-allowed"));
        assertTrue("nothing installed", bundle("com.google.guava").isEmpty());

        shell("mb:trust-allow --reason 'the same bytes as on Maven Central' " + sha);
        String installed = shell("mb:install " + failureaccess + " " + jar);
        assertTrue(installed, installed.contains("Installed com.google.guava"));
        assertEquals(Bundle.ACTIVE, bundle("com.google.guava").orElseThrow().getState());
        String audit = shell("mb:audit 2");
        assertTrue(audit, audit.contains("trust operator"));
    }

    private static void assumeCentralReachable() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(CENTRAL)).method("HEAD",
                            HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
            Assume.assumeTrue(response.statusCode() < 500);
        } catch (Exception e) {
            System.err.println("SKIPPED RealLibrariesIT: Maven Central (" + CENTRAL + ") cannot be reached: " + e);
            Assume.assumeNoException("Maven Central cannot be reached", e);
        }
    }

    private static Path download(String path, Path folder) throws Exception {
        Path target = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(CENTRAL + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            Files.copy(in, target);
        }
        return target;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
