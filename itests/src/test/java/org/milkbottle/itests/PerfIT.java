package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.itests.fixtures.CpuBurnerActivator;
import org.milkbottle.itests.fixtures.IdleActivator;
import org.milkbottle.itests.fixtures.ImpostorCacheActivator;
import org.milkbottle.itests.fixtures.Markers;
import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.itests.fixtures.PerfServicesActivator;
import org.milkbottle.perf.api.BundleUsage;
import org.milkbottle.perf.api.CacheInspector;
import org.milkbottle.perf.api.PerformanceMonitor;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * The perf bundle with real plugins: a plugin that burns CPU and allocates is the top consumer and an idle one
 * is not; {@code mb:perf} and {@code mb:info} show it; a plugin's cache and task are its own, and an uninstalled
 * plugin leaves no figures, no cache, no task and no thread behind.
 */
@RunWith(PaxExam.class)
public class PerfIT extends MilkBottleTestSupport {

    static final String BURNER = "org.milkbottle.test.burner";
    static final String IDLE = "org.milkbottle.test.idle";
    private static final String USER = "org.milkbottle.test.perfuser";

    @Inject
    private PerformanceMonitor monitor;

    @Inject
    private CacheInspector caches;

    /** Installs the CPU-burning plugin and the idle one and waits until the monitor has charged the burner. */
    static long[] installBurnerAndIdle(MilkBottleTestSupport test, PerformanceMonitor monitor, Path work)
            throws Exception {
        Path burner = TestBundles.plugin(BURNER, "1.0.0").activator(CpuBurnerActivator.class).writeTo(work, "b.jar");
        Path idle = TestBundles.plugin(IDLE, "1.0.0").activator(IdleActivator.class).writeTo(work, "i.jar");
        test.manager.install(InstallRequest.of("test", burner.toString(), idle.toString()));
        long burnerId = test.bundle(BURNER).orElseThrow().getBundleId();
        long idleId = test.bundle(IDLE).orElseThrow().getBundleId();
        try {
            await("the burner charged with 1 s of CPU", Duration.ofSeconds(60), () -> monitor.bundle(burnerId)
                    .map(u -> u.cpuTime().compareTo(Duration.ofSeconds(1)) > 0 && u.cpuPercent() > 0).orElse(false));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the monitor says: " + monitor.bundles().subList(0,
                    Math.min(6, monitor.bundles().size())), e);
        }
        return new long[] {burnerId, idleId};
    }

    @Test
    public void theBusyPluginIsTheTopConsumerAndTheIdleOneIsNot() throws Exception {
        long[] ids = installBurnerAndIdle(this, monitor, work("perf"));
        BundleUsage burner = monitor.bundle(ids[0]).orElseThrow();
        BundleUsage idle = monitor.bundle(ids[1]).orElseThrow();

        List<BundleUsage> top = monitor.bundles();
        assertEquals("top consumer: " + top, BURNER, top.get(0).symbolicName());
        assertTrue(burner + " vs " + idle, burner.cpuTime().toNanos() > 20 * Math.max(1, idle.cpuTime().toNanos()));
        assertTrue(burner + " vs " + idle, burner.allocatedBytes() > 100 * Math.max(1, idle.allocatedBytes()));
        assertTrue("the idle plugin's waiting thread is its own: " + idle, idle.threads() >= 1);
        assertTrue(burner.toString(), burner.threads() >= 1);
        assertTrue(burner.toString(), burner.installPhases().keySet().containsAll(
                List.of("fetch", "validate", "resolve", "start")));
        assertTrue(burner.toString(), burner.activation() != null);

        String table = shell("mb:perf");
        String firstRow = table.lines().filter(l -> l.startsWith(ids[0] + " ") || l.contains(" " + BURNER + " "))
                .findFirst().orElse("");
        assertTrue(table, table.lines().skip(2).findFirst().orElse("").contains(BURNER));
        assertFalse(table, firstRow.isEmpty());
        String info = shell("mb:info " + BURNER);
        assertTrue(info, info.contains("Performance:") && info.contains("Last install fetch"));

        manager.uninstall(BURNER, "test");
        manager.uninstall(IDLE, "test");
        assertTrue(monitor.bundle(ids[0]).isEmpty() && monitor.bundle(ids[1]).isEmpty());
        assertTrue(monitor.bundles().stream().noneMatch(u -> u.symbolicName().startsWith("org.milkbottle.test.")));
        await("the plugins' threads gone", Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().startsWith("perf-test-")));
    }

    @Test
    public void aPluginsCacheAndTasksAreItsOwnAndGoWithIt() throws Exception {
        Path jar = TestBundles.plugin(USER, "1.0.0").activator(PerfServicesActivator.class)
                .importPackage("org.milkbottle.perf.api;version=\"[1.0,2)\"").writeTo(work("user"), "u.jar");
        manager.install(InstallRequest.of("test", jar.toString()));
        assertEquals(Bundle.ACTIVE, bundle(USER).orElseThrow().getState());

        var mine = caches.statistics().stream().filter(c -> c.bundle().equals(USER)).toList();
        assertEquals(mine.toString(), 1, mine.size());
        assertEquals("greetings", mine.get(0).name());
        assertEquals(3, mine.get(0).size());
        assertEquals(1, mine.get(0).hits());
        assertEquals(3, mine.get(0).misses());
        String cacheTable = shell("mb:perf caches");
        assertTrue(cacheTable, cacheTable.contains(USER) && cacheTable.contains("greetings"));
        await("its task running", Duration.ofSeconds(10), () -> tasksOf(USER).contains("running"));

        manager.uninstall(USER, "test");
        assertTrue(caches.statistics().toString(), caches.statistics().stream().noneMatch(c -> c.bundle().equals(USER)));
        await("its task cancelled", Duration.ofSeconds(10), () -> !tasksOf(USER).contains(USER));
        await("no task thread busy with it", Duration.ofSeconds(10), () -> Thread.getAllStackTraces().entrySet()
                .stream().filter(e -> e.getKey().getName().startsWith("milkbottle-task-"))
                .noneMatch(e -> List.of(e.getValue()).toString().contains("PerfServicesActivator")));
    }

    @Test
    public void aPluginsOwnCacheManagerIsNeverHandedToTheRuntime() throws Exception {
        Path markers = markerFolder();
        Bundle perf = bundle("org.milkbottle.perf").orElseThrow();
        // without the perf bundle, the validator's optional cache reference takes the first CacheManager that comes
        perf.stop();
        try {
            Path jar = TestBundles.plugin("org.milkbottle.test.impostorcache", "1.0.0")
                    .activator(ImpostorCacheActivator.class).addClass(Markers.class)
                    .importPackage("org.milkbottle.perf.api;version=\"[1.0,2)\"")
                    .header("MilkBottle-Permissions", "file-write").writeTo(work("impostor"), "i.jar");
            manager.install(InstallRequest.of("test", jar.toString()));
            assertEquals(Bundle.ACTIVE, bundle("org.milkbottle.test.impostorcache").orElseThrow().getState());
            manager.install(InstallRequest.of("test", helloJar().toString())); // validated with or without a cache
            try (var left = java.nio.file.Files.list(markers)) {
                assertEquals("the runtime never called the plugin's CacheManager", List.of(), left.toList());
            }
            assertEquals("hidden from everyone", 0, context.getServiceReferences(CacheManager.class, null).size());
        } finally {
            perf.start();
        }
    }

    @Test
    public void recordWritesAJfrFileAndRefusesBadDurations() throws Exception {
        Path file = work("jfr").resolve("profile.jfr").toAbsolutePath();
        String out = shell("mb:perf record 1s " + file);
        assertTrue(out, out.contains("Recording a JFR profile") && out.contains(file.toString()));
        await("the recording written", Duration.ofSeconds(30), () -> file.toFile().length() > 0);
        String bad = expectShellError("mb:perf record soon");
        assertTrue(bad, bad.contains("'soon' is not a duration"));
        String unknown = expectShellError("mb:perf fly");
        assertTrue(unknown, unknown.contains("Unknown action 'fly'") && unknown.contains("mb:perf caches"));
    }

    private String tasksOf(String bundle) {
        try {
            return shell("mb:perf tasks").lines().filter(l -> l.contains(bundle)).findFirst().orElse("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
