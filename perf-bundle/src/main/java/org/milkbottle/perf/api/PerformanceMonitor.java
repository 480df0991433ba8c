package org.milkbottle.perf.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What each plugin costs and what the JVM is doing. CPU time and allocation are sampled: at each sample the
 * monitor looks at every live thread, attributes the CPU time and bytes the thread used since the previous
 * sample to the bundle whose code is innermost on its stack; a thread running no bundle's code now (one that
 * waits in a JDK class) is charged to the bundle it was last seen running, or to the bundle whose
 * {@link Thread} subclass it is. What no bundle's code did (the JVM's own threads) is charged to none.
 */
@ProviderType
public interface PerformanceMonitor {

    /**
     * The figures of every installed bundle but the framework itself (plugins and the runtime's own bundles),
     * busiest (CPU over the last window) first.
     */
    List<BundleUsage> bundles();

    /** The figures of the installed bundle with {@code bundleId}, if there is one (not the framework). */
    Optional<BundleUsage> bundle(long bundleId);

    /** JVM-wide figures. */
    JvmUsage jvm();

    /**
     * Records a JFR profile of the whole JVM for {@code duration} into {@code file} (written when the recording
     * ends; the call returns at once).
     *
     * @throws IOException when the file cannot be written
     * @throws IllegalStateException when JFR is not available in this JVM or a recording is already running
     */
    Recording record(Duration duration, Path file) throws IOException;

    /**
     * A JFR recording in progress.
     *
     * @param file where it is written
     * @param duration how long it records
     * @param endsAt when it ends, as epoch milliseconds
     */
    record Recording(Path file, Duration duration, long endsAt) {
    }
}
