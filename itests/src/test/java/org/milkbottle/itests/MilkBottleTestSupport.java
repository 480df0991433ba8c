package org.milkbottle.itests;

import static org.junit.Assert.fail;
import org.ops4j.pax.exam.CoreOptions;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.milkbottle.api.PluginManager;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Boots Felix with MilkBottle's real bundles. Each test method gets a fresh framework with its own data
 * and deploy folders (framework properties {@code milkbottle.data} and {@code milkbottle.deploy}).
 */
public abstract class MilkBottleTestSupport {

    @Inject
    protected BundleContext context;

    @Inject
    protected PluginManager manager;

    @Inject
    protected CommandProcessor processor;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    protected ServiceComponentRuntime scr;

    /** The deploy-folder watcher's last idle event per folder: files handed over by then. */
    private final Map<String, Long> deployIdle = new ConcurrentHashMap<>();

    /**
     * Options are computed once per test class and shared by its methods' frameworks. MilkBottle's state
     * lives in the core bundle's data area, which is new with each framework; tests that use the deploy
     * folder point it at a folder of their own through configuration.
     */
    @Configuration
    public Option[] configuration() throws IOException {
        return baseOptions();
    }

    /** The runtime's bundles and MilkBottle's settings for tests. */
    protected Option[] baseOptions() {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        return options(
                cleanCaches(true),
                junitBundles(),
                // Pax Exam installs its probe bundle through the framework API after start: approve what the
                // test harness itself installs (no bundle's code on the stack), as the launcher's bundles are
                frameworkProperty("milkbottle.validation.trustEmbedderInstalls").value("true"),
                frameworkProperty("milkbottle.deploy").value(target.resolve("it-deploy-default").toString()),
                frameworkProperty("milkbottle.work").value(target.resolve("it-work").toString()),
                // the HTTP install test serves a jar with the JDK's HTTP server
                CoreOptions.bootDelegationPackage("com.sun.net.httpserver"),
                // the perf bundle's per-thread CPU and allocation figures and JFR (as -runsystempackages in the bndrun)
                CoreOptions.systemPackages("com.sun.management", "jdk.jfr", "jdk.security.jarsigner"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.log").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.log").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                // one provider of the servlet API (javax and jakarta) for the health checks and Jetty alike
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.servlet").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-api").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-simple").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.api").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.healthcheck.core").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command").versionAsInProject(),
                mavenBundle("org.jline", "jline").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm").versionAsInProject(),
                // the plugin manager plans with the OSGi Resolver over the Repository services there are
                mavenBundle("org.osgi", "org.osgi.service.repository").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.resolver").versionAsInProject(),
                // the perf bundle: caches, task executor, monitor (the plugin manager reports install timings to it)
                mavenBundle("com.github.ben-manes.caffeine", "caffeine").versionAsInProject(),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.perf.bundle")),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.validation.bundle")),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.core.bundle")));
    }

    /**
     * The repository client (configured repositories as Repository services, mb:repo-*, mb:search) and what
     * it needs: bnd's index parser.
     */
    protected static Option[] repositoryOptions() {
        return options(
                mavenBundle("biz.aQute.bnd", "biz.aQute.bnd.util").versionAsInProject(),
                mavenBundle("biz.aQute.bnd", "biz.aQute.bndlib").versionAsInProject(),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.repository.bundle")));
    }

    /**
     * The repository client and the marketplace server's bundles (HTTP on {@code port}, H2) with the
     * marketplace bundle, embedded as in the default runtime.
     */
    protected static Option[] marketplaceOptions(int port) {
        return OptionUtils.combine(repositoryOptions(),
                frameworkProperty("org.osgi.service.http.port").value(String.valueOf(port)),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                mavenBundle("org.apache.felix", "org.apache.felix.http.jetty").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.service.jdbc").versionAsInProject(),
                mavenBundle("com.h2database", "h2").versionAsInProject(),
                mavenBundle("com.zaxxer", "HikariCP").versionAsInProject(),
                CoreOptions.bundle("file:" + System.getProperty("milkbottle.marketplace.bundle")));
    }

    /** Bundles that are not active and components that are not satisfied, for failure messages. */
    protected String diagnosis() {
        StringBuilder out = new StringBuilder();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() != Bundle.ACTIVE) {
                out.append(bundle.getSymbolicName()).append(" state ").append(bundle.getState()).append('\n');
            }
        }
        scr.getComponentDescriptionDTOs().forEach(d -> scr.getComponentConfigurationDTOs(d).forEach(c -> {
            if (c.state != org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.ACTIVE
                    && c.state != org.osgi.service.component.runtime.dto.ComponentConfigurationDTO.SATISFIED) {
                out.append(d.name).append(" state ").append(c.state).append(" unsatisfied ")
                        .append(Arrays.stream(c.unsatisfiedReferences).map(r -> r.name + " " + r.target).toList())
                        .append('\n');
            }
        }));
        if (scr.getComponentDescriptionDTOs().stream().noneMatch(d -> !scr.getComponentConfigurationDTOs(d).isEmpty()
                && d.name.contains("Repository"))) {
            out.append("no Repository* component configurations\n");
        }
        return out.toString();
    }

    /** A free TCP port on loopback. */
    protected static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The standard options plus a data folder of its own, for a test that reads MilkBottle's files. */
    protected Option[] configurationWithOwnDataFolder(String prefix) throws IOException {
        Path data = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory", "target")), prefix);
        return org.ops4j.pax.exam.OptionUtils.combine(baseOptions(),
                frameworkProperty("milkbottle.data").value(data.toString()));
    }

    /** Waits until a shell command prints {@code expected} (trimmed), e.g. after an asynchronous change. */
    protected void awaitShell(String command, String expected) throws InterruptedException {
        try {
            awaitShellOnly(command, expected);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + diagnosis(), e);
        }
    }

    private void awaitShellOnly(String command, String expected) throws InterruptedException {
        await(command + " prints " + expected, () -> {
            try {
                return shell(command).trim().equals(expected);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** The example plugin built by example-bundles/hello. */
    protected static Path helloJar() {
        return Path.of(System.getProperty("milkbottle.hello.bundle")).toAbsolutePath().normalize();
    }

    /**
     * A fresh folder where test bundles leave markers when their code runs ({@code fixtures.Markers}), so a
     * test can prove that a refused bundle's code never ran.
     */
    protected Path markerFolder() throws IOException {
        Path markers = work("markers");
        System.setProperty("milkbottle.markers", markers.toString());
        return markers;
    }

    /** A fresh folder for this test's files. */
    protected Path work(String name) throws IOException {
        Path base = Files.createDirectories(Path.of(context.getProperty("milkbottle.work")));
        return Files.createTempDirectory(base, name + "-");
    }

    protected Optional<Bundle> bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst();
    }

    /** Runs a shell command as a user would and returns what it printed; exceptions propagate. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(System.in, out, out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.print(session.format(result, Converter.INSPECT));
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Runs a shell command that must fail and returns its error message. */
    protected String expectShellError(String command) {
        try {
            String out = shell(command);
            throw new AssertionError(command + " should have failed but printed: " + out);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    /** Sets the plugin manager's start timeout and waits until the component has it. */
    protected void startTimeoutSeconds(double seconds) throws Exception {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("org.milkbottle.core",
                "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("startTimeoutSeconds", seconds);
        configuration.update(properties);
        await("plugin manager configured", () -> {
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
                if (description.name.equals("org.milkbottle.core.internal.PluginManagerImpl")) {
                    for (ComponentConfigurationDTO dto : scr.getComponentConfigurationDTOs(description)) {
                        if (Double.valueOf(seconds).equals(dto.properties.get("startTimeoutSeconds"))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    /** Points the deploy folder at a fresh folder of this test's and waits until the watcher has scanned it. */
    protected Path watchedDeployFolder() throws Exception {
        Path folder = work("deploy").toAbsolutePath().normalize();
        // the watcher posts an event each time it has nothing left to do; keep the last one per folder
        context.registerService(EventHandler.class, event -> deployIdle.put(String.valueOf(event.getProperty("folder")),
                (Long) event.getProperty("handled")), new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC,
                "org/milkbottle/deploy/IDLE")));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("directory", folder.toString());
        configurationAdmin.getConfiguration("org.milkbottle.deploy", "?").update(properties);
        awaitDeployIdle(folder, 0); // the first scan of the new folder
        return folder;
    }

    /**
     * Waits until the deploy-folder watcher on {@code folder} has nothing left to do, having handed at least
     * {@code files} files to the plugin manager since it started watching.
     *
     * @return how many files it had handed over when it settled
     */
    protected long awaitDeployIdle(Path folder, long files) throws InterruptedException {
        String key = folder.toAbsolutePath().normalize().toString();
        await("the deploy folder " + key + " settles after " + files + " file(s)",
                () -> deployIdle.getOrDefault(key, -1L) >= files);
        return deployIdle.get(key);
    }

    protected static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
