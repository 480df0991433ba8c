package org.milkbottle.perf.internal.task;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.milkbottle.perf.api.TaskInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Owns the shared task pool and knows every bundle's tasks: hands each bundle-scoped {@link BundleTaskExecutor}
 * its bundle's queue, and lists all tasks for {@code mb:perf tasks}. A changed configuration resizes the pool
 * and the per-bundle limit in place (modified, not restarted), so no bundle's tasks are cancelled by it.
 */
@Component(service = TaskRegistry.class, immediate = false, configurationPid = TaskConfig.PID)
@Designate(ocd = TaskConfig.class)
public class TaskRegistry {

    private static final System.Logger LOG = System.getLogger(TaskRegistry.class.getName());
    private static final long TERMINATION_WAIT_SECONDS = 5;

    private final TaskPool pool;
    private final Map<Long, BundleTasks> bundles = new ConcurrentHashMap<>();
    private volatile int perBundleConcurrency;

    @Activate
    public TaskRegistry(TaskConfig config) {
        this(poolSize(config), config.perBundleConcurrency());
    }

    /**
     * @param poolSize threads in the pool
     * @param perBundleConcurrency the most tasks of one bundle running at once, {@code 0} or less for the pool size
     */
    TaskRegistry(int poolSize, int perBundleConcurrency) {
        this.pool = new TaskPool(poolSize);
        this.perBundleConcurrency = perBundleConcurrency;
    }

    @Modified
    void modified(TaskConfig config) {
        pool.resize(poolSize(config));
        perBundleConcurrency = config.perBundleConcurrency();
        // A raised limit frees slots now, not when a bundle's next task ends.
        bundles.values().forEach(BundleTasks::dispatch);
    }

    /**
     * Cancels every bundle's tasks and stops the pool, interrupting what runs. What was queued in the pool but
     * never started is settled here, on the deactivating thread: cancelled tasks settle without running, and
     * promise callbacks run as the promise implementation itself runs them when the pool refuses them.
     */
    @Deactivate
    void deactivate() {
        bundles.values().forEach(BundleTasks::close);
        bundles.clear();
        for (Runnable never : pool.shutdownNow()) {
            if (never instanceof TaskHandle<?> handle) {
                handle.cancel();
            }
            try {
                never.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A promise callback failed while the task pool stopped", e);
            }
        }
        try {
            if (!pool.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Some tasks ignore interruption and still run "
                        + TERMINATION_WAIT_SECONDS + " s after the task pool stopped: " + tasks());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A new, empty task queue for a bundle. Should an earlier one of the same bundle still be open (the bundle
     * got the service again before the old instance was deactivated), its tasks are cancelled.
     */
    BundleTasks open(long bundleId, String symbolicName) {
        BundleTasks tasks = new BundleTasks(new TaskOwner(bundleId, symbolicName), pool, this::limit);
        BundleTasks previous = bundles.put(bundleId, tasks);
        if (previous != null) {
            previous.close();
        }
        return tasks;
    }

    /** Cancels the bundle's waiting tasks and interrupts its running ones. */
    void close(BundleTasks tasks) {
        bundles.remove(tasks.owner().bundleId(), tasks);
        tasks.close();
    }

    /** Every bundle's waiting and running tasks, by bundle, each bundle's running ones first, then in order. */
    public List<TaskInfo> tasks() {
        return bundles.values().stream().flatMap(b -> b.tasks().stream())
                .sorted(Comparator.comparing(TaskInfo::bundle).thenComparingLong(TaskInfo::bundleId)).toList();
    }

    private int limit() {
        int configured = perBundleConcurrency;
        return configured > 0 ? configured : pool.size();
    }

    private static int poolSize(TaskConfig config) {
        return config.poolSize() > 0 ? config.poolSize() : Runtime.getRuntime().availableProcessors();
    }
}
