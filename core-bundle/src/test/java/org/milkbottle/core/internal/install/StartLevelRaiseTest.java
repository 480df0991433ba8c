package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.core.internal.ManifestOnlyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * A raise of the framework's start level asked for as the framework stops (a piped {@code mb:list} ends just as
 * the deferred start fires) must not run after Felix's shutdown request: Felix would start bundles while it closes
 * them. Here a real Felix is stopped and the raise is asked for from inside its STOPPING event, the latest moment
 * before Felix queues its own request for level 0.
 */
class StartLevelRaiseTest {

    @TempDir
    Path dir;

    private Felix felix;
    private Bundle late;
    private final List<String> lateEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFelixWithABundleAtLevel3() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1"));
        felix.start();
        late = felix.getBundleContext().installBundle("late", ManifestOnlyBundles.bundle("late", Map.of()));
        late.adapt(BundleStartLevel.class).setStartLevel(3);
        late.start(); // marked started; Felix starts it when the framework reaches level 3
        felix.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getBundle().equals(late)) {
                lateEvents.add(kind(event));
            }
        });
    }

    @AfterEach
    void stopFelix() throws Exception {
        if ((felix.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0) {
            felix.stop();
        }
        felix.waitForStop(10_000);
    }

    @Test
    void aRaiseWhileTheFrameworkRunsReachesTheLevel() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        try (StartLevelRaise levels = new StartLevelRaise(felix.getBundleContext())) {
            assertThat(levels.raise(3, event -> {
                if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                    reached.countDown();
                }
            })).isTrue();
            assertThat(reached.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(felix.adapt(FrameworkStartLevel.class).getStartLevel()).isEqualTo(3);
        assertThat(late.getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void aRaiseAskedForAsTheFrameworkStopsIsRefusedAndStartsNothing() throws Exception {
        StartLevelRaise levels = new StartLevelRaise(felix.getBundleContext());
        CompletableFuture<Boolean> raisedDuringStop = new CompletableFuture<>();
        felix.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
                // another thread, as the runtime's deferred start is; Felix waits in this event until it has asked
                Thread raiser = new Thread(() -> raisedDuringStop.complete(levels.raise(3)));
                raiser.start();
                try {
                    raiser.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        felix.stop();
        FrameworkEvent stopped = felix.waitForStop(20_000);

        assertThat(stopped.getType()).isEqualTo(FrameworkEvent.STOPPED);
        assertThat(lateEvents).as("events of the level-3 bundle").doesNotContain("STARTING", "STARTED");
        assertThat(raisedDuringStop.get(1, TimeUnit.SECONDS)).as("raise asked for during the stop").isFalse();
        assertThat(levels.frameworkStopping()).isTrue();
    }

    @Test
    void aStoppedFrameworkIsNotRaised() throws Exception {
        StartLevelRaise levels = new StartLevelRaise(felix.getBundleContext());
        felix.stop();
        felix.waitForStop(10_000);

        assertThat(levels.raise(3)).isFalse();
        assertThat(lateEvents).doesNotContain("STARTING", "STARTED");
    }

    private static String kind(BundleEvent event) {
        return switch (event.getType()) {
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            default -> String.valueOf(event.getType());
        };
    }
}
