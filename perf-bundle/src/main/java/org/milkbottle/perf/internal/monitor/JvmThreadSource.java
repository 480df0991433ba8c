package org.milkbottle.perf.internal.monitor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads every live thread of this JVM: stacks from one {@link ThreadMXBean#dumpAllThreads(boolean, boolean, int)}
 * (no lock information, limited depth: the cheap form), CPU time and allocated bytes from the batch calls of
 * {@link com.sun.management.ThreadMXBean}. Turns thread CPU and allocation measurement on if it is off.
 */
final class JvmThreadSource implements Supplier<List<ThreadSnapshot>> {

    private static final System.Logger LOG = System.getLogger(JvmThreadSource.class.getName());

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** {@code null} on a JVM without the HotSpot extension: stacks only, no CPU or allocation figures. */
    private final com.sun.management.ThreadMXBean counters;
    private volatile int stackDepth;

    JvmThreadSource(int stackDepth) {
        stackDepth(stackDepth);
        this.counters = threads instanceof com.sun.management.ThreadMXBean c ? c : null;
        enableMeasurement();
    }

    /** Frames read per thread from the next sample on (at least 1). */
    void stackDepth(int depth) {
        this.stackDepth = Math.max(1, depth);
    }

    @Override
    public List<ThreadSnapshot> get() {
        ThreadInfo[] infos = threads.dumpAllThreads(false, false, stackDepth);
        long[] ids = new long[infos.length];
        int n = 0;
        for (ThreadInfo info : infos) {
            if (info != null) {
                infos[n] = info;
                ids[n++] = info.getThreadId();
            }
        }
        ids = Arrays.copyOf(ids, n);
        long[] cpu = counters != null && counters.isThreadCpuTimeEnabled() ? counters.getThreadCpuTime(ids) : null;
        long[] bytes = counters != null && counters.isThreadAllocatedMemoryEnabled()
                ? counters.getThreadAllocatedBytes(ids)
                : null;
        Map<Long, String> subclasses = threadSubclasses();
        List<ThreadSnapshot> sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sample.add(new ThreadSnapshot(ids[i], frames(infos[i]), subclasses.get(ids[i]),
                    cpu != null ? cpu[i] : -1, bytes != null ? bytes[i] : -1));
        }
        return sample;
    }

    /**
     * Class names on the stack, innermost first. Frames of named modules are left out: the JDK's classes live in
     * named modules and a bundle's never do (OSGi class loaders define classes in unnamed modules), so no lookup
     * is wasted on them.
     */
    private static List<String> frames(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        List<String> frames = new ArrayList<>(stack.length);
        for (StackTraceElement frame : stack) {
            if (frame.getModuleName() == null) {
                frames.add(frame.getClassName());
            }
        }
        return frames;
    }

    /**
     * Thread id → class name of each live thread that is a {@link Thread} subclass from outside the JDK: the
     * thread dump does not say. Walks the root thread group rather than {@link Thread#getAllStackTraces()},
     * which would take every stack a second time.
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; this bundle runs on 17
    private static Map<Long, String> threadSubclasses() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 32];
        int count = root.enumerate(all, true);
        Map<Long, String> subclasses = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Class<?> type = all[i].getClass();
            if (type != Thread.class && !type.getModule().isNamed()) {
                subclasses.put(all[i].getId(), type.getName());
            }
        }
        return subclasses;
    }

    private void enableMeasurement() {
        if (counters == null) {
            LOG.log(System.Logger.Level.WARNING, "This JVM has no com.sun.management.ThreadMXBean: the performance"
                    + " monitor sees which threads run whose code but not their CPU time or allocation");
            return;
        }
        try {
            if (counters.isThreadCpuTimeSupported() && !counters.isThreadCpuTimeEnabled()) {
                counters.setThreadCpuTimeEnabled(true);
            }
            if (counters.isThreadAllocatedMemorySupported() && !counters.isThreadAllocatedMemoryEnabled()) {
                counters.setThreadAllocatedMemoryEnabled(true);
            }
        } catch (UnsupportedOperationException | SecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not turn on thread CPU/allocation measurement: " + e);
        }
    }
}
