package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadAttributorTest {

    private static final long PLUGIN = 7;
    private static final long LIBRARY = 8;
    private static final long SHELL = 3;

    private final PackageIndex index = new PackageIndex();
    private final ThreadAttributor attributor = new ThreadAttributor();

    @BeforeEach
    void bundles() {
        index.put(PLUGIN, Set.of("com.acme.plugin"));
        index.put(LIBRARY, Set.of("org.lib"));
        index.put(SHELL, Set.of("org.apache.felix.gogo.runtime"));
    }

    private Map<Long, BundleCharge> sample(ThreadSnapshot... threads) {
        return attributor.attribute(List.of(threads), index::ownerOf);
    }

    private static ThreadSnapshot thread(long id, long cpu, long bytes, String... frames) {
        return new ThreadSnapshot(id, List.of(frames), null, cpu, bytes);
    }

    @Test
    void firstSampleOnlySetsTheBaseline() {
        Map<Long, BundleCharge> charges = sample(thread(1, 5_000, 800, "com.acme.plugin.Worker"));

        assertThat(charges).containsExactly(Map.entry(PLUGIN, new BundleCharge(0, 0, 1)));
    }

    @Test
    void deltasSinceThePreviousSampleAreCharged() {
        sample(thread(1, 5_000, 800, "com.acme.plugin.Worker"));
        Map<Long, BundleCharge> charges = sample(thread(1, 12_000, 1_800, "com.acme.plugin.Worker"));

        assertThat(charges.get(PLUGIN)).isEqualTo(new BundleCharge(7_000, 1_000, 1));
    }

    @Test
    void innermostMappedFrameWinsOverOuterOnes() {
        sample(thread(1, 0, 0, "x.Y"));
        // The shell calls the plugin, which calls the library: the library's code is running now.
        Map<Long, BundleCharge> charges = sample(thread(1, 100, 10,
                "org.lib.Parser", "com.acme.plugin.Command", "org.apache.felix.gogo.runtime.Closure"));

        assertThat(charges).containsOnlyKeys(LIBRARY);
        assertThat(charges.get(LIBRARY).cpuNanos()).isEqualTo(100);
    }

    @Test
    void aPluginsWorkInsideTheRuntimesSharedLibraryIsThePlugins() {
        // the library is one of the runtime's bundles (its Jackson, say): the plugin that called it pays
        ThreadAttributor pluginsFirst = new ThreadAttributor(bundle -> bundle == PLUGIN);
        pluginsFirst.attribute(List.of(thread(1, 0, 0, "x.Y"), thread(2, 0, 0, "x.Y")), index::ownerOf);
        Map<Long, BundleCharge> charges = pluginsFirst.attribute(List.of(
                thread(1, 100, 10, "org.lib.Parser", "com.acme.plugin.Command", "org.apache.felix.gogo.runtime.Closure"),
                // no plugin on this stack: the innermost bundle, as before
                thread(2, 50, 5, "org.lib.Parser", "org.apache.felix.gogo.runtime.Closure")), index::ownerOf);

        assertThat(charges.get(PLUGIN).cpuNanos()).isEqualTo(100);
        assertThat(charges.get(LIBRARY).cpuNanos()).isEqualTo(50);
        assertThat(charges).doesNotContainKey(SHELL);
    }

    @Test
    void jdkAndFrameworkFramesAreSkipped() {
        sample(thread(1, 0, 0, "x.Y"));
        Map<Long, BundleCharge> charges = sample(thread(1, 100, 10, "java.util.HashMap", "java.util.ArrayList",
                "org.apache.felix.framework.BundleImpl", "com.acme.plugin.Activator",
                "org.apache.felix.gogo.runtime.Closure"));

        assertThat(charges).containsOnlyKeys(PLUGIN);
    }

    @Test
    void threadParkedInTheJdkStaysWithTheBundleItLastRan() {
        sample(thread(1, 0, 0, "java.lang.Thread", "com.acme.plugin.Poller"));
        sample(thread(1, 100, 0, "jdk.internal.misc.Unsafe", "java.util.concurrent.locks.LockSupport",
                "java.util.concurrent.LinkedBlockingQueue"));
        Map<Long, BundleCharge> charges = sample(thread(1, 150, 0, "jdk.internal.misc.Unsafe"));

        assertThat(charges).containsExactly(Map.entry(PLUGIN, new BundleCharge(50, 0, 1)));
    }

    @Test
    void stickyAttributionFollowsTheLatestBundleSeen() {
        sample(thread(1, 0, 0, "com.acme.plugin.Worker"));
        sample(thread(1, 10, 0, "org.lib.Callback"));
        Map<Long, BundleCharge> charges = sample(thread(1, 30, 0, "java.lang.Object"));

        assertThat(charges).containsOnlyKeys(LIBRARY);
    }

    @Test
    void threadSubclassOfABundleCountsWhenNoFrameMapsAndNothingIsRemembered() {
        sample();
        Map<Long, BundleCharge> charges = sample(new ThreadSnapshot(4, List.of("java.lang.Object"),
                "com.acme.plugin.MyThread", 40, 4));

        assertThat(charges).containsExactly(Map.entry(PLUGIN, new BundleCharge(40, 4, 1)));
    }

    @Test
    void threadsOfNoBundleAreChargedToNobody() {
        sample(thread(1, 0, 0, "java.lang.ref.Reference$ReferenceHandler"));
        Map<Long, BundleCharge> charges = sample(thread(1, 1_000, 0, "java.lang.ref.Reference$ReferenceHandler"));

        assertThat(charges).isEmpty();
        assertThat(attributor.attributionOf(1)).isEqualTo(PackageIndex.NO_BUNDLE);
    }

    @Test
    void threadBornAfterTheFirstSampleIsChargedAllItUsed() {
        sample(thread(1, 0, 0, "x.Y"));
        Map<Long, BundleCharge> charges = sample(thread(1, 0, 0, "x.Y"),
                thread(2, 300, 30, "com.acme.plugin.Job"));

        assertThat(charges.get(PLUGIN)).isEqualTo(new BundleCharge(300, 30, 1));
    }

    @Test
    void diedThreadIsForgotten() {
        sample(thread(1, 0, 0, "com.acme.plugin.Worker"), thread(2, 0, 0, "com.acme.plugin.Worker"));
        Map<Long, BundleCharge> charges = sample(thread(1, 10, 0, "com.acme.plugin.Worker"));

        assertThat(charges.get(PLUGIN).threads()).isEqualTo(1);
        assertThat(attributor.trackedThreads()).isEqualTo(1);
        assertThat(attributor.attributionOf(2)).isEqualTo(PackageIndex.NO_BUNDLE);
    }

    @Test
    void uninstalledBundleIsForgottenWithoutChargingThreadHistoryAgain() {
        sample(thread(1, 1_000, 100, "com.acme.plugin.Worker"));
        sample(thread(1, 2_000, 200, "java.lang.Object"));
        index.remove(PLUGIN);
        attributor.forgetBundle(PLUGIN);

        assertThat(attributor.attributionOf(1)).isEqualTo(PackageIndex.NO_BUNDLE);
        // The thread now runs the library: only what it used since the last sample is charged.
        Map<Long, BundleCharge> charges = sample(thread(1, 2_500, 260, "org.lib.X"));
        assertThat(charges).containsExactly(Map.entry(LIBRARY, new BundleCharge(500, 60, 1)));
    }

    @Test
    void uninstalledBundlesParkedThreadGoesToNobody() {
        sample(thread(1, 0, 0, "com.acme.plugin.Worker"));
        index.remove(PLUGIN);
        attributor.forgetBundle(PLUGIN);

        assertThat(sample(thread(1, 50, 0, "java.lang.Object"))).isEmpty();
    }

    @Test
    void unknownCountersChargeNothingAndKeepTheLastKnownValue() {
        sample(thread(1, 1_000, 100, "com.acme.plugin.Worker"));
        assertThat(sample(thread(1, -1, -1, "com.acme.plugin.Worker")).get(PLUGIN))
                .isEqualTo(new BundleCharge(0, 0, 1));
        assertThat(sample(thread(1, 1_400, 150, "com.acme.plugin.Worker")).get(PLUGIN))
                .isEqualTo(new BundleCharge(400, 50, 1));
    }

    @Test
    void threadsOfOneBundleAddUp() {
        sample(thread(1, 0, 0, "x.Y"), thread(2, 0, 0, "x.Y"), thread(3, 0, 0, "x.Y"));
        Map<Long, BundleCharge> charges = sample(thread(1, 10, 1, "com.acme.plugin.A"),
                thread(2, 20, 2, "com.acme.plugin.B"), thread(3, 40, 4, "org.lib.C"));

        assertThat(charges).containsOnly(Map.entry(PLUGIN, new BundleCharge(30, 3, 2)),
                Map.entry(LIBRARY, new BundleCharge(40, 4, 1)));
    }

    @Test
    void splitPackageFramesGoToTheBundleResolvedLast() {
        index.put(20, Set.of("org.split"));
        index.put(21, Set.of("org.split"));
        sample(thread(1, 0, 0, "x.Y"));

        assertThat(sample(thread(1, 10, 0, "org.split.Thing"))).containsOnlyKeys(21L);
    }
}
