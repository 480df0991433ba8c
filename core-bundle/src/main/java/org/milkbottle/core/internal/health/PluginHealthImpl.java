package org.milkbottle.core.internal.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.apache.felix.hc.api.execution.HealthCheckExecutionResult;
import org.apache.felix.hc.api.execution.HealthCheckExecutor;
import org.apache.felix.hc.api.execution.HealthCheckSelector;
import org.milkbottle.api.HealthReport;
import org.milkbottle.api.PluginHealth;
import org.milkbottle.core.internal.BundleFinder;
import org.milkbottle.core.internal.install.ManagedBundles;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the Felix health checks and groups their results by the bundle that registered each check: a
 * plugin's health is the worst status among its checks.
 */
@Component(service = PluginHealth.class)
public class PluginHealthImpl implements PluginHealth {

    /** Statuses from best to worst. */
    private static final List<String> ORDER = List.of("OK", "WARN", "TEMPORARILY_UNAVAILABLE", "CRITICAL",
            "HEALTH_CHECK_ERROR");

    private final HealthCheckExecutor executor;
    private final Validator validator;
    private final BundleContext context;
    private final HealthCheckNames checkNames;

    @Activate
    public PluginHealthImpl(@Reference HealthCheckExecutor executor, @Reference Validator validator,
            @Reference HealthCheckNames checkNames, BundleContext context) {
        this.executor = executor;
        this.checkNames = checkNames;
        this.validator = validator;
        this.context = context;
    }

    @Override
    public List<HealthReport> all() {
        Map<Bundle, List<HealthReport.Check>> byBundle = run();
        List<HealthReport> reports = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (ManagedBundles.isManaged(bundle) || byBundle.containsKey(bundle)) {
                reports.add(report(bundle, byBundle.getOrDefault(bundle, List.of())));
            }
        }
        return reports;
    }

    @Override
    public HealthReport of(String plugin) {
        Bundle bundle = find(plugin);
        return report(bundle, run().getOrDefault(bundle, List.of()));
    }

    private Bundle find(String plugin) {
        return BundleFinder.find(context, plugin);
    }

    /** The bundle's health checks, plus one failing check per advisory that names its version. */
    private HealthReport report(Bundle bundle, List<HealthReport.Check> healthChecks) {
        List<HealthReport.Check> checks = new ArrayList<>(healthChecks);
        for (Advisory advisory : validator.advisories(bundle.getSymbolicName(), bundle.getVersion().toString())) {
            checks.add(new HealthReport.Check("advisory " + advisory.id(), advisory.blocking() ? "CRITICAL" : "WARN",
                    advisory.message() + " (versions " + advisory.versions() + ", " + advisory.severity() + ")"));
        }
        String status;
        if (bundle.getState() != Bundle.ACTIVE && checks.size() == healthChecks.size()) {
            status = "STOPPED";
        } else if (checks.isEmpty()) {
            status = "n/a";
        } else {
            status = checks.stream().map(HealthReport.Check::status).reduce("OK",
                    (a, b) -> ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a);
        }
        return new HealthReport(bundle.getSymbolicName(), status, checks);
    }

    private Map<Bundle, List<HealthReport.Check>> run() {
        Map<Bundle, List<HealthReport.Check>> byBundle = new LinkedHashMap<>();
        String[] names = checkNames.all();
        if (names.length == 0) {
            return byBundle;
        }
        // the executor selects by name or tag; every registered check is selected by its name
        for (HealthCheckExecutionResult execution : executor.execute(HealthCheckSelector.names(names))) {
            ServiceReference<?> reference = execution.getHealthCheckMetadata().getServiceReference();
            Bundle owner = reference == null ? null : reference.getBundle();
            if (owner == null) {
                continue;
            }
            Result result = execution.getHealthCheckResult();
            StringBuilder message = new StringBuilder();
            for (ResultLog.Entry entry : result) {
                if (!entry.isDebug()) {
                    if (message.length() > 0) {
                        message.append("; ");
                    }
                    message.append(entry.getMessage());
                }
            }
            String status = execution.hasTimedOut() ? "HEALTH_CHECK_ERROR" : result.getStatus().name();
            byBundle.computeIfAbsent(owner, b -> new ArrayList<>()).add(new HealthReport.Check(
                    execution.getHealthCheckMetadata().getName(), status,
                    execution.hasTimedOut() ? "timed out" : message.toString()));
        }
        return byBundle;
    }
}
