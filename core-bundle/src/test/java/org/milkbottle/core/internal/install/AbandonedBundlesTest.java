package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Against a real Felix 7: a bundle whose start or stop never returns (and ignores interrupts) is abandoned,
 * left out of the managed state, refused, and uninstalled once it returns; a refresh that would wait on it is put
 * off instead of freezing the framework.
 */
class AbandonedBundlesTest {

    private static final Duration LIMIT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    private Felix felix;
    private BundleContext context;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> blockers = new ArrayList<>();
    private ManagedBundles managed;
    private BundleStarter starter;

    @BeforeEach
    void startFelix() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        // MilkBottle works from its own bundle's context (the system bundle's start level is 0)
        Bundle host = felix.getBundleContext().installBundle("host", Files.newInputStream(jar("host", null, null,
                null)));
        host.start();
        context = host.getBundleContext();
        managed = managed();
        starter = new BundleStarter(executor, null, managed.abandoned());
    }

    @AfterEach
    void stopFelix() throws Exception {
        blockers.forEach(name -> System.setProperty("release." + name, "yes"));
        felix.stop();
        felix.waitForStop(10_000);
        executor.shutdownNow();
        blockers.forEach(name -> System.clearProperty("release." + name));
    }

    @Test
    void aStartThatNeverReturnsIsAbandonedRefusedAndUninstalledOnceItReturns() throws Exception {
        Bundle blocked = managed.install(record("blocks.start"), jar("blocks.start", "start", null, null));
        blockers.add("blocks.start");
        long started = System.nanoTime();
        assertThatThrownBy(() -> starter.start(blocked, LIMIT, true)).isInstanceOf(PluginException.class)
                .hasMessageContaining("blocks.start 1.0.0 did not finish starting within 0.3 s")
                .hasMessageContaining("abandoned");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        assertThat(blocked.getState()).isEqualTo(Bundle.STARTING);
        assertThat(managed.all()).doesNotContain(blocked);
        assertThat(managed.snapshot()).isEmpty();
        assertThat(managed.find("blocks.start")).isEmpty();
        assertThatThrownBy(() -> managed.install(record("blocks.start"), jar("blocks.start", null, null, null)))
                .hasMessageContaining("blocks.start 1.0.0 was abandoned");
        assertThatThrownBy(() -> starter.start(blocked, LIMIT)).hasMessageContaining("was abandoned");
        assertThatThrownBy(() -> managed.remove(blocked)).hasMessageContaining("was abandoned");
        assertThat(Files.readString(dir.resolve("abandoned-bundles.txt"))).contains("milkbottle:blocks.start");

        // what a restart finds: the list on disk brings the bundle back under the same treatment
        assertThat(managed().abandoned().contains(blocked)).isTrue();

        System.setProperty("release.blocks.start", "yes");
        await(() -> blocked.getState() == Bundle.UNINSTALLED);
        await(() -> !Files.exists(dir.resolve("abandoned-bundles.txt")));
        // two instances watch the bundle here (the "restart" above shares this JVM): the first lets go of it when
        // its reaper next looks (it sleeps 200 ms between looks), which may be after the second deleted the file
        await(() -> !managed.abandoned().contains(blocked));
        Bundle fixed = managed.install(record("blocks.start"), jar("blocks.start", null, null, null));
        assertThat(fixed.getBundleId()).isNotEqualTo(blocked.getBundleId());
    }

    @Test
    void aStopThatNeverReturnsIsAbandonedAndTheBundleRecordedAsStopped() throws Exception {
        Bundle bundle = managed.install(record("blocks.stop"), jar("blocks.stop", "stop", null, null));
        blockers.add("blocks.stop");
        starter.start(bundle, LIMIT);
        assertThatThrownBy(() -> managed.remove(bundle)).isInstanceOf(PluginException.class)
                .hasMessageContaining("blocks.stop 1.0.0 did not finish stopping within 0.3 s");
        assertThat(bundle.getState()).isEqualTo(Bundle.STOPPING);
        assertThat(managed.all()).isEmpty();

        System.setProperty("release.blocks.stop", "yes");
        await(() -> bundle.getState() == Bundle.UNINSTALLED);
    }

    @Test
    void aRefreshThatWouldWaitOnAnAbandonedBundleIsPutOffAndTheFrameworkGoesOn() throws Exception {
        Bundle library = managed.install(record("library"), jar("library", null, "org.example.api", null));
        Bundle user = managed.install(record("user"), jar("user", "start", null, "org.example.api"));
        blockers.add("user");
        managed.resolve(List.of(library, user));
        assertThatThrownBy(() -> starter.start(user, LIMIT, true)).hasMessageContaining("abandoned");

        // the library's old revision stays in use by the blocked bundle: Felix's refresh would stop it, waiting
        // for its lock with the global lock held, and every later lifecycle call would wait behind it
        managed.update(library, record("library"), write("library2.jar", jar("library", null, "org.example.api",
                null)));
        long started = System.nanoTime();
        managed.refresh();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

        Bundle other = managed.install(record("other"), jar("other", null, null, null));
        starter.start(other, Duration.ofSeconds(5));
        assertThat(other.getState()).isEqualTo(Bundle.ACTIVE);
    }

    @Test
    void beforeTheGateOpensAPluginMarkedStartedDoesNotStartAndOpeningStartsOnlyThoseMarked() throws Exception {
        felix.adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class).setStartLevel(1);
        await(() -> !managed.gate().isOpen());
        Bundle marked = managed.install(record("marked"), jar("marked", null, null, null));
        Bundle unmarked = managed.install(record("unmarked"), jar("unmarked", null, null, null));
        marked.start(); // behind the gate a persistent start only records it
        assertThat(marked.getState()).isNotEqualTo(Bundle.ACTIVE);
        assertThatThrownBy(() -> marked.start(Bundle.START_TRANSIENT)).hasMessageContaining("start level");

        managed.gate().open(Duration.ofSeconds(5));
        assertThat(marked.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(unmarked.getState()).isNotEqualTo(Bundle.ACTIVE);
    }

    private ManagedBundles managed() {
        ManagedBundles bundles = new ManagedBundles(context, new AbandonedBundles(context, dir, executor), executor,
                () -> LIMIT);
        bundles.load(List.of(), true);
        bundles.gate().open(Duration.ofSeconds(5));
        return bundles;
    }

    private static BundleSnapshot record(String name) {
        return new BundleSnapshot(name, "1.0.0", null, true, name + ".jar", "test");
    }

    private Path jar(String name, String block, String exportPackage, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", "1.0.0");
        String imports = "org.osgi.framework";
        if (block != null) {
            main.putValue("Bundle-Activator", BlockingActivator.class.getName());
            main.putValue("Block", block);
        }
        if (importPackage != null) {
            imports += "," + importPackage;
        }
        main.putValue("Import-Package", imports);
        if (exportPackage != null) {
            main.putValue("Export-Package", exportPackage);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(buffer, manifest)) {
            String entry = BlockingActivator.class.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(entry));
            try (InputStream in = BlockingActivator.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return write(name + "-" + System.nanoTime() + ".jar", buffer.toByteArray());
    }

    private Path write(String name, Path from) throws IOException {
        return Files.copy(from, dir.resolve(name));
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
