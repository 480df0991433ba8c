package org.milkbottle.sdk.internal.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginManager;
import org.milkbottle.sdk.api.DevUpdate;
import org.milkbottle.sdk.api.DevWatch;

/** mb:dev's watcher against a plugin manager that records what it is asked (the real one: SdkIT). */
class DevModeImplTest {

    @TempDir
    Path project;

    private final List<InstallRequest> requests = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;
    private volatile RuntimeException failure;
    private volatile java.util.concurrent.CountDownLatch hold;
    private final java.util.concurrent.CountDownLatch installing = new java.util.concurrent.CountDownLatch(1);
    private DevModeImpl dev;

    /** A plugin manager that installs (or refuses) and answers nothing else: mb:dev calls install only. */
    private PluginManager manager() {
        return (PluginManager) Proxy.newProxyInstance(PluginManager.class.getClassLoader(),
                new Class<?>[] {PluginManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("install")) {
                        throw new AssertionError("mb:dev only installs; it called " + method.getName());
                    }
                    requests.add((InstallRequest) args[0]);
                    installing.countDown();
                    if (hold != null) {
                        hold.await();
                    }
                    if (failure != null) {
                        RuntimeException thrown = failure;
                        failure = null;
                        throw thrown;
                    }
                    if (refuse) {
                        throw new PluginException("notes.jar was refused: metadata.contact: no contact address");
                    }
                    return new InstallResult(requests.size(), new InstallPlan(List.of(), List.of()), List.of(
                            new PluginInfo(7, "org.acme.notes", "Notes", "0.1.0." + requests.size(), "ACTIVE", "OK",
                                    "file", "plugin")), List.of());
                });
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (dev != null) {
            dev.deactivate();
        }
    }

    private DevWatch awaitUpdates(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            DevWatch watch = dev.watches().get(0);
            if (watch.updates().size() >= count) {
                return watch;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + count + " update(s): " + dev.watches());
    }

    @Test
    void eachNewJarIsInstalledAsTheDevelopersOwnAndARefusedOneIsReported() throws Exception {
        dev = new DevModeImpl(manager());
        Path jar = ProjectWatchTest.jar(project.resolve("target/org.acme.notes.jar"), "a", System.currentTimeMillis());
        dev.watch(project);

        DevUpdate first = awaitUpdates(1).updates().get(0);
        assertThat(first.installed()).isTrue();
        assertThat(first.version()).isEqualTo("0.1.0.1");
        assertThat(first.message()).isEqualTo("ACTIVE");
        assertThat(requests.get(0).sources()).containsExactly(jar.toString());
        assertThat(requests.get(0).origin()).isEqualTo("dev");
        assertThat(requests.get(0).replace()).isTrue();
        assertThat(requests.get(0).start()).isTrue();

        refuse = true;
        ProjectWatchTest.jar(jar, "bb", System.currentTimeMillis() + 1000);
        DevUpdate refused = awaitUpdates(2).updates().get(1);
        assertThat(refused.installed()).isFalse();
        assertThat(refused.version()).isNull();
        assertThat(refused.message()).contains("metadata.contact");
        assertThat(requests).hasSize(2);
    }

    @Test
    void anInstallThatFailsIsReportedAndTheWatchingGoesOn() throws Exception {
        dev = new DevModeImpl(manager());
        failure = new IllegalStateException("the plugin manager is going away");
        Path jar = ProjectWatchTest.jar(project.resolve("target/a.jar"), "a", System.currentTimeMillis());
        dev.watch(project);
        DevUpdate failed = awaitUpdates(1).updates().get(0);
        assertThat(failed.installed()).isFalse();
        assertThat(failed.message()).isEqualTo("the install failed: java.lang.IllegalStateException: the plugin "
                + "manager is going away");
        ProjectWatchTest.jar(jar, "bb", System.currentTimeMillis() + 1000);
        assertThat(awaitUpdates(2).updates().get(1).installed()).isTrue();
    }

    @Test
    void stopWaitsForAnInstallUnderWayAndNothingIsInstalledAfterIt() throws Exception {
        dev = new DevModeImpl(manager());
        hold = new java.util.concurrent.CountDownLatch(1);
        ProjectWatchTest.jar(project.resolve("target/a.jar"), "a", System.currentTimeMillis());
        dev.watch(project);
        installing.await();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread stopper = new Thread(() -> stopped.set(dev.stop(project)));
        stopper.start();
        stopper.join(300);
        assertThat(stopper.isAlive()).as("stop waits for the install under way").isTrue();
        hold.countDown();
        stopper.join(10_000);
        assertThat(stopped).isTrue();
        ProjectWatchTest.jar(project.resolve("target/a.jar"), "bb", System.currentTimeMillis() + 1000);
        Thread.sleep(10 * DevModeImpl.LOOK_MILLIS);
        assertThat(requests).as("nothing installed after the stop").hasSize(1);
    }

    @Test
    void aFolderThatIsNoneOrIsWatchedAlreadyIsRefusedAndStopEndsAWatch() throws Exception {
        dev = new DevModeImpl(manager());
        assertThatThrownBy(() -> dev.watch(project.resolve("missing"))).hasMessageContaining("is not a folder");
        dev.watch(project);
        assertThatThrownBy(() -> dev.watch(project.resolve("."))).hasMessageContaining("is watched already");
        assertThat(dev.watches()).extracting(DevWatch::directory).containsExactly(project);
        assertThat(dev.stop(project)).isTrue();
        assertThat(dev.stop(project)).isFalse();
        assertThat(dev.watches()).isEmpty();
    }
}
