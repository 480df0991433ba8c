package org.milkbottle.perf.internal.monitor;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One sample, start to end: apply what changed in the installed bundles, read every thread, attribute, add up,
 * publish. Runs on the sampler thread only; {@link #figures()} and {@link #forget(long)} may be called from any
 * thread.
 */
final class SamplingCycle implements Runnable {

    private final Runnable beforeSample;
    private final Supplier<List<ThreadSnapshot>> threads;
    private final ToLongFunction<String> owners;
    private final LongSupplier nanoClock;
    private final ThreadAttributor attributor;
    private final UsageLedger ledger = new UsageLedger();
    /** Uninstalled bundles, forgotten at the next sample so that the sampler's state stays on its own thread. */
    private final Queue<Long> forgotten = new ConcurrentLinkedQueue<>();
    private long lastSampleNanos;
    private boolean sampled;
    private volatile Map<Long, UsageLedger.BundleFigures> published = Map.of();

    /**
     * @param beforeSample run first at each sample (brings the package index up to date)
     * @param threads reads every live thread
     * @param owners class name → bundle id
     * @param nanoClock {@link System#nanoTime()} outside tests
     */
    SamplingCycle(Runnable beforeSample, Supplier<List<ThreadSnapshot>> threads, ToLongFunction<String> owners,
            LongSupplier nanoClock) {
        this(beforeSample, threads, owners, nanoClock, bundle -> false);
    }

    /** @param plugins which bundles are plugins (their innermost frame wins over the runtime's, see ThreadAttributor) */
    SamplingCycle(Runnable beforeSample, Supplier<List<ThreadSnapshot>> threads, ToLongFunction<String> owners,
            LongSupplier nanoClock, LongPredicate plugins) {
        this.attributor = new ThreadAttributor(plugins);
        this.beforeSample = beforeSample;
        this.threads = threads;
        this.owners = owners;
        this.nanoClock = nanoClock;
    }

    @Override
    public void run() {
        for (Long bundle; (bundle = forgotten.poll()) != null;) {
            attributor.forgetBundle(bundle);
            ledger.forget(bundle);
        }
        beforeSample.run();
        List<ThreadSnapshot> sample = threads.get();
        // The clock is read right after the counters so that the window matches the CPU time it divides.
        long now = nanoClock.getAsLong();
        Map<Long, BundleCharge> charges = attributor.attribute(sample, owners);
        ledger.record(sampled ? now - lastSampleNanos : 0, charges);
        lastSampleNanos = now;
        sampled = true;
        published = ledger.snapshot();
    }

    /** Drops everything sampled about an uninstalled bundle (applied at the next sample). */
    void forget(long bundleId) {
        // Until then the published figures may still hold the id; harmless, as ids are never reused and readers
        // only ask about installed bundles.
        forgotten.add(bundleId);
    }

    /** Every bundle's figures as of the last sample. */
    Map<Long, UsageLedger.BundleFigures> figures() {
        return published;
    }
}
