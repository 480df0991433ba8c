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

import org.apache.felix.service.command.CommandProcessor;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTestReport.Check;
import org.milkbottle.sdk.api.PluginTester;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The {@link PluginTester}: a jar is tested in a {@link ThrowawayRuntime} that installs it and then runs
 * {@code mb:test --installed --json} on itself, whose answer comes back as the report; an installed plugin is checked
 * here by the {@link InstalledPluginChecker}.
 */
@Component
public class PluginTesterImpl implements PluginTester {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private final BundleContext context;
    private final InstalledPluginChecker checker;

    @Activate
    public PluginTesterImpl(BundleContext context, @Reference ServiceComponentRuntime scr,
            @Reference PluginHealth health, @Reference CommandProcessor commands, @Reference MetaTypeService metaType) {
        this.context = context;
        this.checker = new InstalledPluginChecker(context, scr, health, commands, metaType);
    }

    @Override
    public PluginTestReport check(String plugin) throws SdkException {
        return checker.check(plugin);
    }

    @Override
    public PluginTestReport test(Path jar, Duration timeout) throws SdkException {
        Path file = jar.toAbsolutePath().normalize();
        String[] identity = identity(file);
        if (file.toString().contains("'")) {
            throw new SdkException("The path " + file + " contains a quote, which the shell script of the throwaway "
                    + "runtime cannot carry; copy the jar to a path without one.");
        }
        ThrowawayRuntime runtime = new ThrowawayRuntime(RuntimeJar.locate(context), Math.max(1, timeout.toSeconds()));
        ThrowawayRuntime.Run run = runtime.run("mb:install 'file:" + file + "' ; mb:test --installed --json "
                + identity[0]);
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

    /** The jar's symbolic name and version; a plugin jar is a bundle. */
    private static String[] identity(Path jar) throws SdkException {
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
