package org.milkbottle.perf.internal.monitor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToLongFunction;

/**
 * Decides, sample after sample, which bundle each thread works for and charges it the CPU time and bytes the
 * thread used since the previous sample. A thread works for:
 * <ol>
 * <li>the bundle whose class is innermost on its stack (the code running now, even when called from another
 * bundle: a plugin's method called by SCR or the shell is the plugin's cost);</li>
 * <li>else the bundle it was last attributed to, so that a plugin's worker parked in a JDK queue stays the
 * plugin's;</li>
 * <li>else the bundle of its {@link Thread} subclass;</li>
 * <li>else nobody (the JVM's and the framework's own threads).</li>
 * </ol>
 * Not thread-safe: confined to the sampler thread.
 */
final class ThreadAttributor {

    private final Map<Long, ThreadState> threads = new HashMap<>();
    private final LongPredicate plugins;
    private boolean baselineTaken;

    /** Every bundle counts alike: the innermost bundle frame wins. */
    ThreadAttributor() {
        this(bundle -> false);
    }

    /**
     * @param plugins which bundles are plugins: the innermost frame of a plugin wins over frames of the runtime's
     *        bundles further in, so that a plugin's work inside a shared library (the runtime's Jackson, Caffeine)
     *        is the plugin's
     */
    ThreadAttributor(LongPredicate plugins) {
        this.plugins = plugins;
    }

    /**
     * Attributes one sample.
     *
     * @param sample every live thread
     * @param owners class name → bundle id, {@link PackageIndex#NO_BUNDLE} for none
     * @return per bundle, what the sample charged it (bundles with live threads but no CPU are included)
     */
    Map<Long, BundleCharge> attribute(List<ThreadSnapshot> sample, ToLongFunction<String> owners) {
        Map<Long, ThreadState> seen = new HashMap<>(sample.size() * 2);
        Map<Long, BundleCharge> charges = new HashMap<>();
        for (ThreadSnapshot thread : sample) {
            ThreadState before = threads.get(thread.threadId());
            long bundle = bundleOf(thread, before, owners, plugins);
            // A thread born after the first sample used all of its counters since then; before the first sample
            // we cannot tell what happened when, so the first sample only sets the baseline.
            long cpuBefore = before != null ? before.cpuNanos : baselineTaken ? 0 : thread.cpuNanos();
            long bytesBefore = before != null ? before.allocatedBytes : baselineTaken ? 0 : thread.allocatedBytes();
            long cpu = delta(cpuBefore, thread.cpuNanos());
            long bytes = delta(bytesBefore, thread.allocatedBytes());
            seen.put(thread.threadId(), new ThreadState(bundle,
                    thread.cpuNanos() >= 0 ? thread.cpuNanos() : cpuBefore,
                    thread.allocatedBytes() >= 0 ? thread.allocatedBytes() : bytesBefore));
            if (bundle != PackageIndex.NO_BUNDLE) {
                charges.merge(bundle, new BundleCharge(cpu, bytes, 1),
                        (a, b) -> a.plus(b.cpuNanos(), b.allocatedBytes()));
            }
        }
        // Threads that died are forgotten with this swap.
        threads.clear();
        threads.putAll(seen);
        baselineTaken = true;
        return charges;
    }

    /** Drops every thread's attribution to an uninstalled bundle; they fall back on the other rules. */
    void forgetBundle(long bundleId) {
        // Keep the counters: dropping the thread would charge its whole history again at the next sample.
        threads.replaceAll((id, state) -> state.bundle == bundleId
                ? new ThreadState(PackageIndex.NO_BUNDLE, state.cpuNanos, state.allocatedBytes)
                : state);
    }

    /** How many threads are remembered (the live ones of the last sample). */
    int trackedThreads() {
        return threads.size();
    }

    /** The bundle {@code threadId} was last attributed to, {@link PackageIndex#NO_BUNDLE} for none or unknown. */
    long attributionOf(long threadId) {
        ThreadState state = threads.get(threadId);
        return state == null ? PackageIndex.NO_BUNDLE : state.bundle;
    }

    private static long bundleOf(ThreadSnapshot thread, ThreadState before, ToLongFunction<String> owners,
            LongPredicate plugins) {
        long innermost = PackageIndex.NO_BUNDLE;
        for (String className : thread.frames()) {
            long owner = owners.applyAsLong(className);
            if (owner == PackageIndex.NO_BUNDLE) {
                continue;
            }
            if (plugins.test(owner)) {
                return owner;
            }
            if (innermost == PackageIndex.NO_BUNDLE) {
                innermost = owner;
            }
        }
        if (innermost != PackageIndex.NO_BUNDLE) {
            return innermost;
        }
        if (before != null && before.bundle != PackageIndex.NO_BUNDLE) {
            return before.bundle;
        }
        if (thread.threadClass() != null) {
            return owners.applyAsLong(thread.threadClass());
        }
        return PackageIndex.NO_BUNDLE;
    }

    /** Unknown (-1) counters charge nothing; counters never go back, but a negative delta must not either. */
    private static long delta(long before, long now) {
        if (before < 0 || now < 0) {
            return 0;
        }
        return Math.max(0, now - before);
    }

    private record ThreadState(long bundle, long cpuNanos, long allocatedBytes) {
    }
}
