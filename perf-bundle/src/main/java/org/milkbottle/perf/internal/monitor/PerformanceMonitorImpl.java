package org.milkbottle.perf.internal.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.felix.service.command.CommandSessionListener;
import org.milkbottle.perf.api.BundleUsage;
import org.milkbottle.perf.api.InstallTimings;
import org.milkbottle.perf.api.JvmUsage;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The performance monitor: samples every thread on its own thread ({@value UsageSampler#THREAD_NAME}) and
 * charges CPU time and allocation to bundles, times shell commands (a Gogo {@link CommandSessionListener}) and
 * bundle starts, keeps the install phases the plugin manager reports, and records JFR profiles. This class only
 * wires the pieces and assembles {@link BundleUsage}; each piece does one job.
 */
@Component(service = {PerformanceMonitor.class, InstallTimings.class}, immediate = true,
        configurationPid = MonitorConfig.PID)
@Designate(ocd = MonitorConfig.class)
public class PerformanceMonitorImpl implements PerformanceMonitor, InstallTimings {

    private static final Comparator<BundleUsage> BUSIEST_FIRST = Comparator
            .comparingDouble(BundleUsage::cpuPercent).reversed()
            .thenComparing(BundleUsage::cpuTime, Comparator.reverseOrder())
            .thenComparingLong(BundleUsage::bundleId);

    private final ActivationTimer activations = new ActivationTimer(System::nanoTime);
    private final CommandStats commands = new CommandStats();
    private final InstallPhaseLog phases = new InstallPhaseLog();
    private final JvmProbe jvm = new JvmProbe();
    private final JfrRecorder jfr = new JfrRecorder();
    private final BundleListener forgetter = this::forgetUninstalled;

    private BundleContext context;
    private BundlePackageIndexer indexer;
    private JvmThreadSource threads;
    private SamplingCycle cycle;
    private UsageSampler sampler;
    private ServiceRegistration<CommandSessionListener> commandListener;

    @Activate
    void activate(BundleContext context, MonitorConfig config) {
        this.context = context;
        context.addBundleListener(activations);
        indexer = new BundlePackageIndexer(context);
        indexer.open();
        threads = new JvmThreadSource(config.stackDepth());
        cycle = new SamplingCycle(indexer::refresh, threads, indexer::ownerOf, System::nanoTime, indexer::isPlugin);
        context.addBundleListener(forgetter);
        sampler = new UsageSampler(() -> {
            cycle.run();
            jvm.sample();
        });
        sampler.start(config.firstSampleDelayMillis(), config.sampleIntervalMillis());
        CommandOwnerLookup owners = new CommandOwnerLookup(context);
        commandListener = context.registerService(CommandSessionListener.class,
                new CommandTimer(owners::ownerOf, commands, System::nanoTime), null);
    }

    /** A new interval or depth restarts the sampler thread; the figures gathered so far are kept. */
    @Modified
    void modified(MonitorConfig config) {
        sampler.stop();
        threads.stackDepth(config.stackDepth());
        sampler.start(config.firstSampleDelayMillis(), config.sampleIntervalMillis());
    }

    @Deactivate
    void deactivate() {
        sampler.stop();
        context.removeBundleListener(forgetter);
        if (commandListener != null) {
            try {
                commandListener.unregister();
            } catch (IllegalStateException e) {
                // Already unregistered because the bundle is stopping.
            }
        }
        indexer.close();
        context.removeBundleListener(activations);
        jfr.stop();
    }

    @Override
    public List<BundleUsage> bundles() {
        List<BundleUsage> usages = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getBundleId() != 0 && bundle.getState() != Bundle.UNINSTALLED) {
                usages.add(usageOf(bundle));
            }
        }
        usages.sort(BUSIEST_FIRST);
        return usages;
    }

    @Override
    public Optional<BundleUsage> bundle(long bundleId) {
        Bundle bundle = bundleId == 0 ? null : context.getBundle(bundleId);
        return bundle == null || bundle.getState() == Bundle.UNINSTALLED ? Optional.empty()
                : Optional.of(usageOf(bundle));
    }

    @Override
    public JvmUsage jvm() {
        return jvm.usage();
    }

    @Override
    public Recording record(Duration duration, Path file) throws IOException {
        try {
            return jfr.record(duration, file);
        } catch (LinkageError e) {
            throw new IllegalStateException("JFR is not available: this runtime cannot load jdk.jfr (" + e
                    + "). Run MilkBottle on a full JDK/JRE with JFR", e);
        }
    }

    @Override
    public void record(String symbolicName, String phase, Duration duration) {
        phases.record(symbolicName, phase, duration);
    }

    private BundleUsage usageOf(Bundle bundle) {
        long id = bundle.getBundleId();
        UsageLedger.BundleFigures figures = cycle.figures().getOrDefault(id, UsageLedger.BundleFigures.NONE);
        CommandStats.CallFigures calls = commands.figuresOf(id);
        return new BundleUsage(id, bundle.getSymbolicName(), bundle.getVersion().toString(),
                Duration.ofNanos(figures.cpuNanos()), figures.cpuPercent(), figures.allocatedBytes(),
                figures.allocatedBytesPerSecond(), figures.threads(), calls.calls(), calls.p50(), calls.p99(),
                activations.activationOf(id), phases.phasesOf(bundle.getSymbolicName()));
    }

    /** Forgets everything about an uninstalled bundle (its install phases only when no other bundle has its name). */
    private void forgetUninstalled(BundleEvent event) {
        if (event.getType() != BundleEvent.UNINSTALLED) {
            return;
        }
        Bundle gone = event.getBundle();
        cycle.forget(gone.getBundleId());
        commands.forget(gone.getBundleId());
        activations.forget(gone.getBundleId());
        String name = gone.getSymbolicName();
        boolean nameStillInstalled = false;
        for (Bundle other : context.getBundles()) {
            nameStillInstalled |= other.getBundleId() != gone.getBundleId()
                    && Objects.equals(other.getSymbolicName(), name);
        }
        if (!nameStillInstalled) {
            phases.forget(name);
        }
    }
}
