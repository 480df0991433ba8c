package org.milkbottle.core.internal.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.milkbottle.perf.api.BundleUsage;

/** The performance lines of {@code mb:info}: what the plugin has cost, as the perf bundle measured it. */
final class UsageFormatter {

    private UsageFormatter() {
    }

    static String usage(BundleUsage usage) {
        StringBuilder out = new StringBuilder("Performance:\n");
        out.append(String.format(Locale.ROOT, "  CPU          %s in all, %.1f%% now%n", duration(usage.cpuTime()),
                usage.cpuPercent()));
        out.append(String.format(Locale.ROOT, "  Allocated    %s in all, %s/s now%n", bytes(usage.allocatedBytes()),
                bytes((long) usage.allocatedBytesPerSecond())));
        out.append("  Threads      ").append(usage.threads()).append('\n');
        out.append("  Commands     ").append(usage.calls() == 0 ? "not called yet"
                : usage.calls() + " calls, p50 " + duration(usage.callLatencyP50()) + ", p99 "
                        + duration(usage.callLatencyP99())).append('\n');
        if (usage.activation() != null) {
            out.append("  Last start   ").append(duration(usage.activation())).append('\n');
        }
        if (!usage.installPhases().isEmpty()) {
            List<String> phases = new ArrayList<>();
            usage.installPhases().forEach((phase, time) -> phases.add(phase + " " + duration(time)));
            out.append("  Last install ").append(String.join(", ", phases)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        String[] units = {"KiB", "MiB", "GiB"};
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static String duration(Duration duration) {
        double millis = duration.toNanos() / 1e6;
        return millis < 1000 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
