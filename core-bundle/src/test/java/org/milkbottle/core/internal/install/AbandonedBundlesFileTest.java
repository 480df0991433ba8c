package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.ManifestOnlyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * The abandoned-bundles file across a restart: the bundles it names are taken up and uninstalled, lines it did not
 * write are ignored, and a file that cannot be read only costs a warning. Against a real Felix 7.
 */
class AbandonedBundlesFileTest {

    @TempDir
    Path dir;

    private Felix felix;
    private BundleContext context;
    private final ExecutorService reapers = Executors.newCachedThreadPool();

    @BeforeEach
    void startFelix() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        context = felix.getBundleContext();
    }

    @AfterEach
    void stopFelix() throws Exception {
        reapers.shutdownNow();
        felix.stop();
        felix.waitForStop(10_000);
    }

    private Bundle install(String location, String name) throws IOException, org.osgi.framework.BundleException {
        try (InputStream in = ManifestOnlyBundles.bundle(name, Map.of())) {
            return context.installBundle(location, in);
        }
    }

    private Path file() {
        return dir.resolve("abandoned-bundles.txt");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aBundleAbandonedBeforeTheRestartIsTakenUpUninstalledAndTheFileRemoved() throws Exception {
        Bundle stuck = install(ManagedBundles.LOCATION_PREFIX + "stuck", "stuck");
        Bundle other = install(ManagedBundles.LOCATION_PREFIX + "other", "other");
        Files.write(file(), List.of(
                stuck.getBundleId() + " " + stuck.getLocation(),
                other.getBundleId() + " " + ManagedBundles.LOCATION_PREFIX + "someone-else", // location moved on
                "garbage",
                "twelve " + ManagedBundles.LOCATION_PREFIX + "x",
                "99999 " + ManagedBundles.LOCATION_PREFIX + "gone"));

        new AbandonedBundles(context, dir, reapers).resume();

        await(() -> stuck.getState() == Bundle.UNINSTALLED);
        await(() -> !Files.exists(file()));
        assertThat(other.getState()).as("a line naming another location is not about this bundle")
                .isEqualTo(Bundle.INSTALLED);
    }

    @Test
    void anAbandonedBundleIsRefusedByBundleAndByLocationWithTheReason() throws Exception {
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown(); // no reaper: the bundle stays abandoned, as while its code has not returned
        AbandonedBundles abandoned = new AbandonedBundles(context, dir, stopped);
        Bundle slow = install(ManagedBundles.LOCATION_PREFIX + "slow", "slow");

        abandoned.abandon(slow, "its start did not return within 5 s");
        abandoned.abandon(slow, "again"); // once is enough

        assertThat(abandoned.contains(slow)).isTrue();
        assertThat(abandoned.anyIn(List.of(slow))).isTrue();
        assertThat(abandoned.holdsLocation(ManagedBundles.LOCATION_PREFIX + "slow")).isTrue();
        assertThat(Files.readAllLines(file())).containsExactly(slow.getBundleId() + " " + slow.getLocation());
        assertThatThrownBy(() -> abandoned.refuse(slow)).isInstanceOf(PluginException.class)
                .hasMessageContaining("was abandoned (its start did not return within 5 s) and is waiting to be "
                        + "uninstalled")
                .hasMessageEndingWith("until its code returns or the runtime restarts. Then install it again.");
        assertThatThrownBy(() -> abandoned.refuseLocation(ManagedBundles.LOCATION_PREFIX + "slow"))
                .isInstanceOf(PluginException.class).hasMessageContaining("(its start did not return within 5 s)");
        abandoned.refuseLocation(ManagedBundles.LOCATION_PREFIX + "fast"); // another location: no error
    }

    @Test
    void aRuntimeBundleIsWaitedForButNeverUninstalledNorWrittenDown() throws Exception {
        Bundle runtime = install("file:runtime.jar", "runtime.part");
        AbandonedBundles abandoned = new AbandonedBundles(context, dir, reapers);

        abandoned.abandon(runtime, "its stop did not return");

        await(() -> !abandoned.contains(runtime)); // it is not starting or stopping: it has returned
        assertThat(runtime.getState()).isEqualTo(Bundle.INSTALLED);
        assertThat(file()).doesNotExist();
    }

    @Test
    void anUnreadableFileTakesUpNothing() throws Exception {
        Bundle bundle = install(ManagedBundles.LOCATION_PREFIX + "kept", "kept");
        Files.createDirectories(file().resolve("child")); // a folder where the file should be
        AbandonedBundles abandoned = new AbandonedBundles(context, dir, reapers);

        abandoned.resume();

        assertThat(abandoned.contains(bundle)).isFalse();
        assertThat(bundle.getState()).isEqualTo(Bundle.INSTALLED);
    }
}
