package org.milkbottle.sdk.internal.test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.milkbottle.api.HealthReport;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PluginTestReport.Check;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The checks of {@code mb:test} on a plugin installed in this runtime: started, every Declarative Services component
 * active (a delayed one is made to activate by asking for its service), its health checks passing, each shell
 * command answering {@code help}, its configuration migrations naming keys its schemas have.
 */
final class InstalledPluginChecker {

    /** Health statuses that fail the check; OK, WARN and n/a (no checks) pass. */
    private static final Set<String> FAILING_HEALTH = Set.of("CRITICAL", "HEALTH_CHECK_ERROR",
            "TEMPORARILY_UNAVAILABLE", "STOPPED");

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final PluginHealth health;
    private final CommandProcessor commands;
    private final MigrationCheck migrations;

    InstalledPluginChecker(BundleContext context, ServiceComponentRuntime scr, PluginHealth health,
            CommandProcessor commands, MetaTypeService metaType) {
        this.context = context;
        this.scr = scr;
        this.health = health;
        this.commands = commands;
        this.migrations = new MigrationCheck(metaType);
    }

    PluginTestReport check(String plugin) throws SdkException {
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> plugin.equals(b.getSymbolicName()))
                .max(Comparator.comparing(Bundle::getVersion)).orElseThrow(() -> new SdkException("There is no plugin "
                        + "'" + plugin + "' in this runtime; mb:list shows the plugins (mb:test JAR tests a jar)."));
        List<Check> checks = new ArrayList<>();
        boolean active = bundle.getState() == Bundle.ACTIVE;
        checks.add(new Check("start", active, active ? "ACTIVE" : "not started: " + state(bundle)));
        checks.add(components(bundle));
        checks.add(health(plugin));
        checks.add(commands(bundle));
        checks.add(migrations.check(bundle));
        return new PluginTestReport(plugin, bundle.getVersion().toString(), checks);
    }

    private Check components(Bundle bundle) {
        List<String> problems = new ArrayList<>();
        List<String> activeOnes = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                if (description.defaultEnabled) {
                    problems.add(description.name + " is disabled");
                }
                continue;
            }
            activateDelayed(bundle, description);
            var configurations = scr.getComponentConfigurationDTOs(description);
            if (configurations.isEmpty() && !"require".equals(description.configurationPolicy)) {
                problems.add(description.name + " has no configuration");
            }
            for (ComponentConfigurationDTO configuration : configurations) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED ->
                        activeOnes.add(description.name);
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add(description.name
                            + " failed to activate: " + firstLine(configuration.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> problems.add(description.name
                            + " lacks " + unsatisfied(configuration.unsatisfiedReferences));
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add(description.name
                            + " waits for its configuration");
                    default -> problems.add(description.name + " is in state " + configuration.state);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Check("components", false, String.join("; ", problems));
        }
        return new Check("components", true, activeOnes.isEmpty() ? "none"
                : activeOnes.size() + " active: " + String.join(", ", activeOnes));
    }

    /** A delayed component activates when its service is first used: use it once, so that activation is tested. */
    private void activateDelayed(Bundle bundle, ComponentDescriptionDTO description) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        for (ServiceReference<?> reference : registered == null ? new ServiceReference<?>[0] : registered) {
            if (description.name.equals(reference.getProperty("component.name"))) {
                try {
                    if (context.getService(reference) != null) {
                        context.ungetService(reference);
                    }
                } catch (RuntimeException e) {
                    // SCR records the failure in the component's DTO, which is what the check reads
                }
            }
        }
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO[] references) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references == null ? new UnsatisfiedReferenceDTO[0] : references) {
            names.add(reference.name + (reference.target == null ? "" : " " + reference.target));
        }
        return names.isEmpty() ? "a service it references" : "the service(s) " + String.join(", ", names);
    }

    private Check health(String plugin) {
        HealthReport report = health.of(plugin);
        List<String> failing = report.checks().stream().filter(c -> FAILING_HEALTH.contains(c.status()))
                .map(c -> c.name() + " " + c.status() + (c.message() == null || c.message().isBlank() ? ""
                        : ": " + firstLine(c.message())))
                .toList();
        boolean passed = !FAILING_HEALTH.contains(report.status());
        String detail = !failing.isEmpty() ? String.join("; ", failing)
                : "n/a".equals(report.status()) ? "no health checks" : report.status() + " (" + report.checks().size()
                        + " check(s))";
        return new Check("health", passed, detail);
    }

    private Check commands(Bundle bundle) {
        List<String> names = new ArrayList<>();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        for (ServiceReference<?> reference : registered == null ? new ServiceReference<?>[0] : registered) {
            Object scope = reference.getProperty(CommandProcessor.COMMAND_SCOPE);
            Object functions = reference.getProperty(CommandProcessor.COMMAND_FUNCTION);
            if (scope != null && functions != null) {
                for (String function : functions instanceof String[] array ? array : new String[] {functions.toString()}) {
                    names.add(scope + ":" + function);
                }
            }
        }
        if (names.isEmpty()) {
            return new Check("commands", true, "none");
        }
        List<String> problems = new ArrayList<>();
        for (String name : names.stream().sorted().distinct().toList()) {
            String problem = help(name);
            if (problem != null) {
                problems.add(name + ": " + problem);
            }
        }
        List<String> distinct = names.stream().sorted().distinct().toList();
        return problems.isEmpty() ? new Check("commands", true, String.join(", ", distinct)
                + (distinct.size() == 1 ? " answers help" : " answer help"))
                : new Check("commands", false, String.join("; ", problems));
    }

    /** Runs {@code help NAME}; null when it printed a description, else what went wrong. */
    private String help(String name) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = commands.createSession(InputStream.nullInputStream(), out, out)) {
            Object result = session.execute("help " + name);
            String text = buffer.toString(StandardCharsets.UTF_8) + (result == null ? "" : session.format(result,
                    org.apache.felix.service.command.Converter.INSPECT));
            return text.isBlank() ? "help printed nothing" : null;
        } catch (Exception e) {
            return "help failed: " + firstLine(String.valueOf(e.getMessage()));
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no reason given)";
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "state " + bundle.getState();
        };
    }
}
