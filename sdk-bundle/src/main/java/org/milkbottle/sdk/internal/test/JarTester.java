package org.milkbottle.sdk.internal.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTestReport.Check;
import org.milkbottle.sdk.api.SdkException;

/**
 * Tests a plugin's jar in a {@link ThrowawayRuntime} started from a runtime jar: the runtime installs it (with the
 * bundles it needs, given beside it) and runs {@code mb:test --installed --json} on itself, whose answer is the
 * report. Used by {@code mb:test} and by the Maven plugin's {@code test} goal, which finds the runtime jar in the
 * Maven repository.
 */
public final class JarTester {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final Path runtimeJar;
    private final Duration timeout;

    public JarTester(Path runtimeJar, Duration timeout) {
        this.runtimeJar = runtimeJar;
        this.timeout = timeout;
    }

    /**
     * @param plugin the plugin's jar
     * @param needs  bundles it needs that no repository of the throwaway runtime offers, installed with it
     */
    public PluginTestReport test(Path plugin, List<Path> needs) throws SdkException {
        return test(plugin, needs, "");
    }

    /**
     * As {@link #test(Path, List)}, with permissions the plugin may hold beyond a local file's (those a trusted
     * source will give it), as {@code mb:install --allow-permissions} allows them.
     *
     * @param allowPermissions comma-separated permission names; empty for none
     */
    public PluginTestReport test(Path plugin, List<Path> needs, String allowPermissions) throws SdkException {
        String[] identity = identity(plugin);
        StringBuilder install = new StringBuilder("mb:install");
        if (allowPermissions != null && !allowPermissions.isBlank()) {
            if (!allowPermissions.strip().matches("[a-z-]+(\\s*,\\s*[a-z-]+)*")) {
                throw new SdkException("'" + allowPermissions + "' is not a list of permissions such as "
                        + "process,reflection.");
            }
            install.append(" --allow-permissions ").append(allowPermissions.replaceAll("\\s", ""));
        }
        for (Path jar : withPluginLast(plugin, needs)) {
            Path file = jar.toAbsolutePath().normalize();
            if (file.toString().contains("'")) {
                throw new SdkException("The path " + file + " contains a quote, which the shell script of the "
                        + "throwaway runtime cannot carry; copy the jar to a path without one.");
            }
            install.append(" 'file:").append(file).append('\'');
        }
        ThrowawayRuntime runtime = new ThrowawayRuntime(runtimeJar, Math.max(1, timeout.toSeconds()));
        ThrowawayRuntime.Run run = runtime.run(install + " ; mb:test --installed --json " + identity[0]);
        PluginTestReport inside = ReportJson.find(run.output());
        List<Check> checks = new ArrayList<>();
        if (inside == null) {
            checks.add(new Check("install", false, ChildOutput.reason(run.output(), run.status())));
            return new PluginTestReport(identity[0], identity[1], checks);
        }
        checks.add(new Check("install", true, "validated and installed with its dependencies in a throwaway runtime"));
        checks.addAll(inside.checks());
        return new PluginTestReport(inside.plugin(), inside.version(), checks);
    }

    private static List<Path> withPluginLast(Path plugin, List<Path> needs) {
        List<Path> all = new ArrayList<>(needs);
        all.add(plugin);
        return all;
    }

    /** The jar's symbolic name and version; a plugin jar is a bundle. */
    static String[] identity(Path jar) throws SdkException {
        if (!Files.isRegularFile(jar)) {
            throw new SdkException(jar + " is not a file; give the plugin's jar, e.g. target/org.acme.notes.jar "
                    + "(mvn -q verify builds it).");
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String name = main.getValue("Bundle-SymbolicName");
            String symbolicName = name == null ? "" : name.split(";", 2)[0].strip();
            if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
                throw new SdkException(jar + " is not a plugin: its manifest has no valid Bundle-SymbolicName.");
            }
            String version = main.getValue("Bundle-Version");
            return new String[] {symbolicName, version == null ? "0.0.0" : version.strip()};
        } catch (IOException e) {
            throw new SdkException(jar + " is not a jar (" + e.getMessage() + ").", e);
        }
    }
}
