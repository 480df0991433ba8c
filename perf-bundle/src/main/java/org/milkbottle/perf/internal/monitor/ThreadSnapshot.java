package org.milkbottle.perf.internal.monitor;

import java.util.List;

/**
 * One thread as one sample saw it.
 *
 * @param threadId the thread's id (never reused by the JVM)
 * @param frames class names on its stack, innermost (top) first; frames that cannot be a bundle's (JDK modules)
 *        may be left out
 * @param threadClass the class name of the thread object when it is a {@link Thread} subclass that may be a
 *        bundle's, else {@code null}
 * @param cpuNanos CPU time the thread used since it started, -1 when unknown
 * @param allocatedBytes bytes the thread allocated since it started, -1 when unknown
 */
record ThreadSnapshot(long threadId, List<String> frames, String threadClass, long cpuNanos, long allocatedBytes) {
}
