package org.milkbottle.perf.internal.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.milkbottle.perf.api.BundleUsage;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.JvmUsage;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.milkbottle.perf.api.TaskInfo;

/** The text of the {@code mb:perf} commands; the services hand over plain figures. */
final class PerfFormatter {

    private PerfFormatter() {
    }

    /** The top-like table: JVM line, then one row per bundle. */
    static String top(JvmUsage jvm, List<BundleUsage> bundles, boolean all, int limit) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "JVM: CPU %.1f%%, heap %s of %s, non-heap %s, %d GCs (%s), %d classes, "
                + "%d threads, up %s%n", jvm.processCpuPercent(), bytes(jvm.heapUsed()),
                jvm.heapMax() < 0 ? "unbounded" : bytes(jvm.heapMax()), bytes(jvm.nonHeapUsed()), jvm.gcCount(),
                duration(jvm.gcTime()), jvm.loadedClasses(), jvm.threads(), uptime(jvm.uptime())));
        List<BundleUsage> shown = bundles.stream().filter(usage -> all || isActive(usage)).limit(limit).toList();
        if (shown.isEmpty()) {
            return out.append("No bundle has used CPU, threads or commands yet ('mb:perf all' lists every bundle).")
                    .toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "BUNDLE", "VERSION", "CPU%", "CPU TIME", "ALLOC/S", "ALLOCATED", "THREADS",
            "CALLS", "P50", "P99"});
        for (BundleUsage usage : shown) {
            rows.add(new String[] {Long.toString(usage.bundleId()), usage.symbolicName(), usage.version(),
                String.format(Locale.ROOT, "%.1f", usage.cpuPercent()), duration(usage.cpuTime()),
                bytes((long) usage.allocatedBytesPerSecond()), bytes(usage.allocatedBytes()),
                Integer.toString(usage.threads()), Long.toString(usage.calls()),
                usage.calls() == 0 ? "-" : duration(usage.callLatencyP50()),
                usage.calls() == 0 ? "-" : duration(usage.callLatencyP99())});
        }
        out.append(table(rows));
        long hidden = bundles.size() - shown.size();
        if (hidden > 0) {
            out.append(System.lineSeparator()).append(hidden).append(all ? " more bundles" : " idle or further bundles")
                    .append(" not shown ('mb:perf all' lists every bundle).");
        }
        return out.toString();
    }

    /** The figures of one bundle, for {@code mb:info}-like use. */
    static String bundle(BundleUsage usage) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "CPU: %s in all, %.1f%% now; allocated %s, %s/s now; %d threads%n",
                duration(usage.cpuTime()), usage.cpuPercent(), bytes(usage.allocatedBytes()),
                bytes((long) usage.allocatedBytesPerSecond()), usage.threads()));
        out.append(usage.calls() == 0 ? "Commands: not called yet" : String.format(Locale.ROOT,
                "Commands: %d calls, p50 %s, p99 %s", usage.calls(), duration(usage.callLatencyP50()),
                duration(usage.callLatencyP99())));
        if (usage.activation() != null) {
            out.append(System.lineSeparator()).append("Last start took ").append(duration(usage.activation()));
        }
        if (!usage.installPhases().isEmpty()) {
            out.append(System.lineSeparator()).append("Last install: ");
            List<String> phases = new ArrayList<>();
            for (Map.Entry<String, Duration> phase : usage.installPhases().entrySet()) {
                phases.add(phase.getKey() + " " + duration(phase.getValue()));
            }
            out.append(String.join(", ", phases));
        }
        return out.toString();
    }

    static String caches(List<CacheStatistics> caches) {
        if (caches.isEmpty()) {
            return "No bundle holds a cache.";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BUNDLE", "CACHE", "ENTRIES", "MAX", "HITS", "MISSES", "HIT%", "EVICTIONS",
            "LOAD FAILURES"});
        for (CacheStatistics cache : caches) {
            rows.add(new String[] {cache.bundle(), cache.name(), Long.toString(cache.size()),
                Long.toString(cache.maximumSize()), Long.toString(cache.hits()), Long.toString(cache.misses()),
                String.format(Locale.ROOT, "%.1f", cache.hitRate() * 100), Long.toString(cache.evictions()),
                Long.toString(cache.loadFailures())});
        }
        return table(rows);
    }

    static String tasks(List<TaskInfo> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return "No task is waiting or running.";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"BUNDLE", "STATE", "FOR", "TASK"});
        for (TaskInfo task : tasks) {
            rows.add(new String[] {task.bundle(), task.running() ? "running" : "waiting",
                duration(Duration.between(task.submitted(), now)), task.description()});
        }
        return table(rows);
    }

    static String recording(PerformanceMonitor.Recording recording) {
        LocalTime end = Instant.ofEpochMilli(recording.endsAt()).atZone(ZoneId.systemDefault()).toLocalTime()
                .truncatedTo(ChronoUnit.SECONDS);
        return "Recording a JFR profile for " + duration(recording.duration()) + " into " + recording.file()
                + "; the file is complete at " + end + ". Open it with JDK Mission Control or 'jfr print'.";
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String duration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String uptime(Duration uptime) {
        long seconds = uptime.toSeconds();
        return seconds < 3600 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds / 60 % 60);
    }

    private static boolean isActive(BundleUsage usage) {
        return !usage.cpuTime().isZero() || usage.threads() > 0 || usage.calls() > 0;
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString().stripTrailing();
    }
}
