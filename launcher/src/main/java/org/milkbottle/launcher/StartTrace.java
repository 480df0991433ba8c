package org.milkbottle.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * With {@code -Dmilkbottle.launcher.trace=true}, where the launcher's start went, printed on standard error once the
 * console is ready: the launcher's phases (ms since the JVM started), and what each bundle's start cost on the way
 * to the framework's beginning level — the time in its activator (STARTING to STARTED) and the time after it until
 * the next bundle starts, where Declarative Services builds the bundle's components, since SCR does that while the
 * STARTED event is delivered. docs/performance.md uses it for its breakdown.
 */
final class StartTrace implements SynchronousBundleListener {

    static final String PROPERTY = "milkbottle.launcher.trace";

    private record Step(String bundle, long starting, long started) {
    }

    private record Phase(String name, long at) {
    }

    /**
     * The JVM's start on the nanoTime scale, so that phases read as time since the process began (JMX is loaded for
     * it, ~30 ms that only a traced start pays, before "launcher started").
     */
    private final long origin = System.nanoTime()
            - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private String current;
    private long currentStarting;

    StartTrace() {
        phases.add(new Phase("launcher started", System.nanoTime()));
    }

    /** Notes the end of a phase; {@code trace} is null when tracing is off. */
    static void phase(StartTrace trace, String name) {
        if (trace != null) {
            synchronized (trace) {
                trace.phases.add(new Phase(name, System.nanoTime()));
            }
        }
    }

    @Override
    public synchronized void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.STARTING) {
            current = event.getBundle().getSymbolicName();
            currentStarting = System.nanoTime();
        } else if (event.getType() == BundleEvent.STARTED && event.getBundle().getSymbolicName().equals(current)) {
            steps.add(new Step(current, currentStarting, System.nanoTime()));
        }
    }

    synchronized void print(PrintStream out) {
        long end = System.nanoTime();
        out.printf("milkbottle: start trace (ms since the JVM started)%n");
        for (Phase phase : phases) {
            out.printf("  %7.1f  %s%n", (phase.at() - origin) / 1e6, phase.name());
        }
        out.printf("milkbottle: bundles started (ms since the JVM started; in the activator; then until the next one)%n");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long next = i + 1 < steps.size() ? steps.get(i + 1).starting() : end;
            out.printf("  %7.1f  %6.1f  %6.1f  %s%n", (step.starting() - origin) / 1e6,
                    (step.started() - step.starting()) / 1e6, (next - step.started()) / 1e6, step.bundle());
        }
    }
}
