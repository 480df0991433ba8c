package org.milkbottle.sdk.internal.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.sdk.api.PluginTestReport;
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
        JarTester.identity(file); // a jar that is no plugin is refused before a runtime starts
        return new JarTester(RuntimeJar.locate(context), timeout).test(file, List.of());
    }
}
