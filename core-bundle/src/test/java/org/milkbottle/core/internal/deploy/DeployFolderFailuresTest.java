package org.milkbottle.core.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallRequest;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.Transaction;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.PluginManager;
import org.osgi.framework.BundleContext;

/**
 * The deploy folder when the plugin manager says no or breaks: the watcher reports and goes on with the next
 * file, a jar that never becomes readable is still handed over (so the pipeline refuses it with its reason), a
 * file that now holds another plugin uninstalls the old one, and a disabled folder is not watched at all.
 */
class DeployFolderFailuresTest {

    @TempDir
    Path dir;

    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
    private final List<BundleSnapshot> installed = new CopyOnWriteArrayList<>();
    private final List<Transaction> history = new CopyOnWriteArrayList<>();
    private DeployFolderWatcher watcher;

    @AfterEach
    void stop() throws Exception {
        if (watcher != null) {
            watcher.deactivate();
        }
    }

    /** A plugin manager that records install and uninstall calls and answers with {@code onInstall}. */
    private PluginManager manager(Function<String, InstallResult> onInstall, boolean uninstallFails) {
        return (PluginManager) Proxy.newProxyInstance(PluginManager.class.getClassLoader(),
                new Class<?>[] {PluginManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "installed" -> List.copyOf(installed);
                    case "history" -> List.copyOf(history);
                    case "install" -> {
                        String source = ((InstallRequest) args[0]).sources().get(0);
                        calls.add("install " + Path.of(source).getFileName());
                        yield onInstall.apply(source);
                    }
                    case "uninstall" -> {
                        calls.add("uninstall " + args[0] + " by " + args[1]);
                        if (uninstallFails) {
                            throw new PluginException(args[0] + " is needed by other");
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static DeployFolderConfig config(Path folder, boolean enabled) {
        return new DeployFolderConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DeployFolderConfig.class;
            }

            @Override
            public String directory() {
                return folder.toString();
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public long quietMillis() {
                return 10;
            }

            @Override
            public long brokenAfterMillis() {
                return 100;
            }
        };
    }

    private static BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> null);
    }

    private void start(PluginManager manager, Path folder, boolean enabled) throws Exception {
        watcher = new DeployFolderWatcher();
        Field field = DeployFolderWatcher.class.getDeclaredField("manager"); // injected by DS in the runtime
        field.setAccessible(true);
        field.set(watcher, manager);
        watcher.activate(context(), config(folder, enabled));
    }

    private static void jar(Path file, String name) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", name);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new JarOutputStream(buffer, manifest).close();
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp"); // written aside, then renamed
        Files.write(temp, buffer.toByteArray());
        Files.move(temp, file);
    }

    private String next() throws InterruptedException {
        String call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a call to the plugin manager within 10 s").isNotNull();
        return call;
    }

    private static InstallResult installs(String name, String source) {
        return new InstallResult(1, new InstallPlan(List.of(new PlannedChange(PlannedChange.Action.INSTALL, name,
                null, "1.0.0", source)), List.of()), List.of(), List.of());
    }

    @Test
    void aRefusedOrCrashingInstallIsReportedAndTheNextFileIsStillDeployed() throws Exception {
        Path folder = dir.resolve("deploy");
        start(manager(source -> {
            if (source.endsWith("refused.jar")) {
                throw new PluginException("refused.jar needs package x");
            }
            if (source.endsWith("crashes.jar")) {
                throw new IllegalStateException("bug in the pipeline");
            }
            return installs("good", source);
        }, false), folder, true);

        jar(folder.resolve("refused.jar"), "refused");
        assertThat(next()).isEqualTo("install refused.jar");
        jar(folder.resolve("crashes.jar"), "crashes");
        assertThat(next()).isEqualTo("install crashes.jar");
        jar(folder.resolve("good.jar"), "good");
        assertThat(next()).isEqualTo("install good.jar");
        assertThat(calls.poll(300, TimeUnit.MILLISECONDS)).as("a failed file is not retried in a loop").isNull();
    }

    @Test
    void aFileThatNeverBecomesAJarIsHandedOverOnceSoThePipelineSaysWhy() throws Exception {
        Path folder = dir.resolve("deploy");
        start(manager(source -> {
            throw new PluginException("not a jar");
        }, false), folder, true);

        Files.writeString(folder.resolve("broken.jar"), "this is no zip");

        assertThat(next()).isEqualTo("install broken.jar");
        assertThat(calls.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFileThatNowHoldsAnotherPluginUninstallsTheOldOne() throws Exception {
        Path folder = dir.resolve("deploy");
        Files.createDirectories(folder);
        Path file = folder.resolve("tool.jar");
        installed.add(new BundleSnapshot("old.tool", "1.0.0", null, true, file.toString(), "deploy"));
        jar(file, "new.tool");

        start(manager(source -> installs("new.tool", source), false), folder, true);

        assertThat(next()).isEqualTo("install tool.jar");
        assertThat(next()).isEqualTo("uninstall old.tool by deploy");
    }

    @Test
    void aPluginWhoseJarIsGoneIsUninstalledAtStartAndARefusalIsOnlyReported() throws Exception {
        Path folder = dir.resolve("deploy");
        installed.add(new BundleSnapshot("gone", "1.0.0", null, true, folder.resolve("gone.jar").toString(),
                "deploy"));
        installed.add(new BundleSnapshot("elsewhere", "1.0.0", null, true, dir.resolve("other/x.jar").toString(),
                "shell"));
        installed.add(new BundleSnapshot("maven", "1.0.0", null, true, "mvn:a/b/1.0", "shell"));

        start(manager(source -> installs("x", source), true), folder, true);

        assertThat(next()).isEqualTo("uninstall gone by deploy");
        // the refusal does not stop the watcher: a new file is still deployed
        jar(folder.resolve("new.jar"), "new");
        assertThat(next()).isEqualTo("install new.jar");
        assertThat(calls).isEmpty();
    }

    @Test
    void aJarRefusedInAnEarlierRunIsNotTriedAgainAtStartUntilItChanges() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("deploy"));
        Path refused = folder.resolve("refused.jar");
        jar(refused, "refused");
        Path touched = folder.resolve("touched.jar");
        jar(touched, "touched");
        Files.setLastModifiedTime(refused, FileTime.from(Instant.now().minusSeconds(600)));
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now().minusSeconds(600)));
        // the earlier run refused both; touched.jar was copied again since
        history.add(new Transaction(1, Instant.now().minusSeconds(300), "install", refused.toString(), "deploy",
                Transaction.Status.FAILED, "refused.jar needs package x", List.of(), List.of()));
        history.add(new Transaction(2, Instant.now().minusSeconds(300), "install", touched.toString(), "deploy",
                Transaction.Status.FAILED, "touched.jar needs package x", List.of(), List.of()));
        Files.setLastModifiedTime(touched, FileTime.from(Instant.now()));

        start(manager(source -> {
            throw new PluginException(Path.of(source).getFileName() + " needs package x");
        }, false), folder, true);

        assertThat(next()).isEqualTo("install touched.jar");
        assertThat(calls.poll(500, TimeUnit.MILLISECONDS)).as("the unchanged refused jar").isNull();

        Files.setLastModifiedTime(refused, FileTime.from(Instant.now())); // the operator touches it: tried again
        assertThat(next()).isEqualTo("install refused.jar");
    }

    @Test
    void aDisabledFolderIsNeitherCreatedNorWatched() throws Exception {
        Path folder = dir.resolve("off");
        start(manager(source -> installs("x", source), false), folder, false);

        assertThat(folder).doesNotExist();
        assertThat(calls.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
}
