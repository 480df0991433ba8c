package org.milkbottle.perf.internal.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.milkbottle.perf.api.BundleUsage;
import org.milkbottle.perf.api.CacheStatistics;
import org.milkbottle.perf.api.TaskInfo;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * MilkBottle's own series in a Prometheus registry. Every series is a callback that reads the monitor, the
 * caches and the task executor at scrape time, so a bundle that is gone (uninstalled) has no series any more,
 * and nothing is counted twice. Names follow the Prometheus conventions: a {@code milkbottle_} prefix, base
 * units (seconds, bytes) in the name, {@code _total} on counters (added by the client library).
 */
final class PluginMetrics {

    private static final double NANOS_PER_SECOND = 1e9;

    private PluginMetrics() {
    }

    static void register(PrometheusRegistry registry, Supplier<List<BundleUsage>> bundles,
            Supplier<List<CacheStatistics>> caches, Supplier<List<TaskInfo>> tasks) {
        registerBundleSeries(registry, bundles);
        registerCacheSeries(registry, caches);
        GaugeWithCallback.builder().name("milkbottle_tasks").help("Tasks of a bundle waiting for or running on the task executor")
                .labelNames("bundle", "bundle_id", "state").callback(callback -> {
                    Map<Long, long[]> counts = new java.util.TreeMap<>();
                    Map<Long, String> names = new java.util.HashMap<>();
                    for (TaskInfo task : tasks.get()) {
                        counts.computeIfAbsent(task.bundleId(), b -> new long[2])[task.running() ? 0 : 1]++;
                        names.put(task.bundleId(), task.bundle());
                    }
                    counts.forEach((id, count) -> {
                        callback.call(count[0], names.get(id), Long.toString(id), "running");
                        callback.call(count[1], names.get(id), Long.toString(id), "waiting");
                    });
                }).register(registry);
    }

    private static void registerBundleSeries(PrometheusRegistry registry, Supplier<List<BundleUsage>> bundles) {
        String[] labels = {"bundle", "version"};
        CounterWithCallback.builder().name("milkbottle_bundle_cpu_seconds").unit(Unit.SECONDS)
                .help("CPU time used by the bundle's code (sampled)").labelNames(labels)
                .callback(callback -> bundles.get().forEach(usage -> callback.call(
                        usage.cpuTime().toNanos() / NANOS_PER_SECOND, usage.symbolicName(), usage.version())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_bundle_allocated_bytes").unit(Unit.BYTES)
                .help("Heap bytes allocated by the bundle's code (sampled)").labelNames(labels)
                .callback(callback -> bundles.get().forEach(usage -> callback.call(usage.allocatedBytes(),
                        usage.symbolicName(), usage.version())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_bundle_threads").help("Live threads attributed to the bundle")
                .labelNames(labels).callback(callback -> bundles.get().forEach(usage -> callback.call(usage.threads(),
                        usage.symbolicName(), usage.version())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_bundle_command_calls")
                .help("Shell command invocations of the bundle's commands").labelNames(labels)
                .callback(callback -> bundles.get().forEach(usage -> callback.call(usage.calls(),
                        usage.symbolicName(), usage.version())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_bundle_command_latency_p50_seconds")
                .help("Median latency of the bundle's shell commands (recent invocations)").labelNames(labels)
                .callback(callback -> bundles.get().stream().filter(usage -> usage.calls() > 0)
                        .forEach(usage -> callback.call(usage.callLatencyP50().toNanos() / NANOS_PER_SECOND,
                                usage.symbolicName(), usage.version())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_bundle_command_latency_p99_seconds")
                .help("99th percentile latency of the bundle's shell commands (recent invocations)").labelNames(labels)
                .callback(callback -> bundles.get().stream().filter(usage -> usage.calls() > 0)
                        .forEach(usage -> callback.call(usage.callLatencyP99().toNanos() / NANOS_PER_SECOND,
                                usage.symbolicName(), usage.version())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_bundle_activation_seconds")
                .help("How long the bundle's last start took, DS components activated during it included")
                .labelNames(labels).callback(callback -> bundles.get().stream().filter(usage -> usage.activation() != null)
                        .forEach(usage -> callback.call(usage.activation().toNanos() / NANOS_PER_SECOND,
                                usage.symbolicName(), usage.version())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_bundle_install_phase_seconds")
                .help("How long each phase of the bundle's last install or update took")
                .labelNames("bundle", "version", "phase")
                .callback(callback -> bundles.get().forEach(usage -> usage.installPhases().forEach(
                        (phase, duration) -> callback.call(duration.toNanos() / NANOS_PER_SECOND,
                                usage.symbolicName(), usage.version(), phase))))
                .register(registry);
    }

    private static void registerCacheSeries(PrometheusRegistry registry, Supplier<List<CacheStatistics>> caches) {
        // the bundle id too: two versions of one bundle may each have a cache of the same name
        String[] labels = {"bundle", "bundle_id", "cache"};
        GaugeWithCallback.builder().name("milkbottle_cache_entries").help("Entries a bundle's cache holds now")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.size(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
        GaugeWithCallback.builder().name("milkbottle_cache_max_entries").help("Entries a bundle's cache may hold")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.maximumSize(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_cache_hits").help("Lookups that found a value")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.hits(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_cache_misses").help("Lookups that found no value")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.misses(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_cache_evictions").help("Entries dropped for size or age")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.evictions(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
        CounterWithCallback.builder().name("milkbottle_cache_load_failures").help("Loads that threw")
                .labelNames(labels).callback(callback -> caches.get().forEach(cache -> callback.call(cache.loadFailures(),
                        cache.bundle(), Long.toString(cache.bundleId()), cache.name())))
                .register(registry);
    }
}
