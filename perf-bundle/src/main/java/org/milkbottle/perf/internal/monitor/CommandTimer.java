package org.milkbottle.perf.internal.monitor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;

/**
 * Times each shell command line from {@code beforeExecute} to {@code afterExecute} and charges the latency to the
 * bundle providing the line's first command. Gogo calls both on the thread running
 * {@link CommandSession#execute(CharSequence)}; a line may run further lines inside it (a script), so each thread
 * keeps a stack of lines in progress.
 */
final class CommandTimer implements CommandSessionListener {

    private final ToLongFunction<CommandLineParser.CommandName> owners;
    private final CommandStats stats;
    private final LongSupplier nanoClock;
    private final Map<Long, Deque<Pending>> inProgress = new ConcurrentHashMap<>();

    /**
     * @param owners command → bundle id ({@link PackageIndex#NO_BUNDLE} for none)
     * @param stats where latencies go
     * @param nanoClock {@link System#nanoTime()} outside tests
     */
    CommandTimer(ToLongFunction<CommandLineParser.CommandName> owners, CommandStats stats, LongSupplier nanoClock) {
        this.owners = owners;
        this.stats = stats;
        this.nanoClock = nanoClock;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence commandline) {
        inProgress.computeIfAbsent(threadId(), id -> new ArrayDeque<>())
                .push(new Pending(session, commandline, nanoClock.getAsLong()));
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Exception exception) {
        finished(session, commandline);
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence commandline, Object result) {
        finished(session, commandline);
    }

    private void finished(CommandSession session, CharSequence commandline) {
        long now = nanoClock.getAsLong();
        long thread = threadId();
        Deque<Pending> stack = inProgress.get(thread);
        if (stack == null) {
            return; // began before this listener was registered
        }
        Pending started = null;
        for (Iterator<Pending> it = stack.iterator(); it.hasNext();) {
            Pending p = it.next();
            if (p.session == session && (p.line == commandline || p.line.toString().contentEquals(commandline))) {
                started = p;
                it.remove();
                break;
            }
        }
        if (stack.isEmpty()) {
            inProgress.remove(thread);
        }
        if (started == null) {
            return;
        }
        long latency = now - started.startNanos;
        CommandLineParser.firstCommand(commandline).ifPresent(command -> {
            long owner = owners.applyAsLong(command);
            if (owner != PackageIndex.NO_BUNDLE) {
                stats.record(owner, latency);
            }
        });
    }

    /** Lines in progress, all threads (for tests: nothing may be left once lines end). */
    int inProgress() {
        return inProgress.values().stream().mapToInt(Deque::size).sum();
    }

    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; this bundle runs on 17
    private static long threadId() {
        return Thread.currentThread().getId();
    }

    private record Pending(CommandSession session, CharSequence line, long startNanos) {
    }
}
