package org.milkbottle.perf.internal.command;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.perf.api.CacheInspector;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.milkbottle.perf.internal.task.TaskRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code mb:perf}: what each bundle costs (a top-like table), {@code mb:perf caches}, {@code mb:perf tasks},
 * {@code mb:perf record [DURATION] [FILE]}.
 */
@Component(service = PerfCommand.class)
@GogoCommand(scope = "mb", function = "perf")
public class PerfCommand {

    static final String USAGE = "mb:perf [all], mb:perf caches, mb:perf tasks, mb:perf record [DURATION] [FILE]";
    private static final int TOP_ROWS = 20;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PerformanceMonitor monitor;
    private final CacheInspector caches;
    private final TaskRegistry tasks;
    private final Path recordings;

    @Activate
    public PerfCommand(@Reference PerformanceMonitor monitor, @Reference CacheInspector caches,
            @Reference TaskRegistry tasks, BundleContext context) {
        this.monitor = monitor;
        this.caches = caches;
        this.tasks = tasks;
        String data = context.getProperty("milkbottle.data");
        this.recordings = data != null ? Path.of(data, "perf") : context.getDataFile("recordings").toPath();
    }

    @Descriptor("what each bundle costs: CPU %, allocation, threads, command calls and latency (busiest first; "
            + "idle bundles left out), with the JVM's heap, GC, classes and threads")
    public String perf() {
        return PerfFormatter.top(monitor.jvm(), monitor.bundles(), false, TOP_ROWS);
    }

    @Descriptor("performance: " + USAGE + ". 'all' lists idle bundles too; 'caches' each bundle's caches with hit "
            + "rates; 'tasks' the tasks waiting or running; 'record' writes a JFR profile of DURATION (default 30s, "
            + "e.g. 90s, 2m) to FILE (default data/milkbottle/perf/recording-TIME.jfr)")
    public String perf(@Descriptor("all | caches | tasks | record") String action,
            @Descriptor("for record: DURATION [FILE]") String... args) throws IOException {
        switch (action) {
            case "all" -> {
                expect(args.length == 0, "mb:perf all");
                return PerfFormatter.top(monitor.jvm(), monitor.bundles(), true, Integer.MAX_VALUE);
            }
            case "caches" -> {
                expect(args.length == 0, "mb:perf caches");
                return PerfFormatter.caches(caches.statistics());
            }
            case "tasks" -> {
                expect(args.length == 0, "mb:perf tasks");
                return PerfFormatter.tasks(tasks.tasks(), Instant.now());
            }
            case "record" -> {
                expect(args.length <= 2, "mb:perf record [DURATION] [FILE]");
                var duration = DurationArgument.parse(args.length > 0 ? args[0] : "30s");
                Path file = args.length > 1 ? Path.of(args[1]).toAbsolutePath()
                        : recordings.resolve("recording-" + LocalDateTime.now().format(FILE_STAMP) + ".jfr")
                                .toAbsolutePath();
                return PerfFormatter.recording(monitor.record(duration, file));
            }
            default -> throw new IllegalArgumentException("Unknown action '" + action + "'; use " + USAGE + ".");
        }
    }

    private static void expect(boolean condition, String usage) {
        if (!condition) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
