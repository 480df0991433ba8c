/**
 * The runtime's performance services, each handed out per bundle (OSGi bundle scope): a bundle's
 * {@link org.milkbottle.perf.api.CacheManager} holds only that bundle's named caches, within the limits the
 * operator configured, and its {@link org.milkbottle.perf.api.TaskExecutor} runs that bundle's parallel work
 * on the runtime's shared, core-sized pool within a per-bundle concurrency limit. Both are released with the
 * bundle: its caches are dropped and its pending tasks cancelled when it stops.
 * <p>
 * {@link org.milkbottle.perf.api.PerformanceMonitor} says what each plugin costs (CPU, allocation, threads,
 * command latency, activation and install-phase timings) and what the JVM as a whole is doing, and records
 * JFR profiles on demand. {@link org.milkbottle.perf.api.InstallTimings} is how the plugin manager reports
 * its install pipeline's phases to it.
 */
@Export
@Version("1.0.0")
package org.milkbottle.perf.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
