package org.milkbottle.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * With {@code -Dmilkbottle.launcher.trace=true}, what each bundle's start cost on the way to the framework's
 * beginning level, printed on standard error once it is reached: the time in its activator (STARTING to STARTED)
 * and the time after it until the next bundle starts — where Declarative Services builds the bundle's components,
 * since SCR does that while the STARTED event is delivered. docs/performance.md uses it for its breakdown.
 */
final class StartTrace implements SynchronousBundleListener {

    static final String PROPERTY = "milkbottle.launcher.trace";

    private record Step(String bundle, long starting, long started) {
    }

    private final long origin = System.nanoTime();
    private final List<Step> steps = new ArrayList<>();
    private String current;
    private long currentStarting;

    private StartTrace() {
    }

    static StartTrace attach(BundleContext context) {
        StartTrace trace = new StartTrace();
        context.addBundleListener(trace);
        return trace;
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
        out.printf("milkbottle: start trace (ms since the framework's start; activator; then until the next bundle)%n");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long next = i + 1 < steps.size() ? steps.get(i + 1).starting() : end;
            out.printf("  %7.1f  %6.1f  %6.1f  %s%n", (step.starting() - origin) / 1e6,
                    (step.started() - step.starting()) / 1e6, (next - step.started()) / 1e6, step.bundle());
        }
        out.printf("  %7.1f  beginning level reached%n", (end - origin) / 1e6);
    }
}
