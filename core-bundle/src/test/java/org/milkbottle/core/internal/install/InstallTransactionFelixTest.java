package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.Attributes;
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
 * Applying a request's bundles to a real Felix: what the user is told when a bundle installs but does not
 * resolve, or the framework refuses it, and how content already installed is kept or updated.
 */
class InstallTransactionFelixTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Felix felix;
    private BundleContext context;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private ManagedBundles managed;
    private InstallTransaction transaction;

    @BeforeEach
    void startFelix() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        Bundle host = felix.getBundleContext().installBundle("host", Files.newInputStream(jar("host", "1.0.0",
                Map.of())));
        host.start();
        context = host.getBundleContext();
        managed = new ManagedBundles(context, new AbandonedBundles(context, dir, executor), executor, () -> LIMIT);
        managed.load(List.of(), true);
        managed.gate().open(LIMIT);
        transaction = new InstallTransaction(managed, new BundleStarter(executor, null, managed.abandoned()),
                new RequirementExplainer("1.0.0"));
    }

    @AfterEach
    void stopFelix() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
        executor.shutdownNow();
    }

    private Path jar(String name, String version, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        headers.forEach(main::putValue);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(buffer, manifest)) {
            out.flush();
        }
        return Files.write(dir.resolve(name + "-" + version + "-" + System.nanoTime() + ".jar"), buffer.toByteArray());
    }

    private static BundleArchive archive(Path jar, String source) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
        return new ManifestDescriptorReader().read(jar, sha, source);
    }

    private List<Bundle> apply(boolean start, BundleArchive... archives) {
        return transaction.apply(List.of(archives), start, "shell", LIMIT);
    }

    @Test
    void aPackageNoBundleExportsIsNamedWithWhatToInstall() throws Exception {
        BundleArchive needy = archive(jar("needy", "1.0.0", Map.of("Import-Package",
                "com.example.missing;version=\"[1.0.0,2.0.0)\"")), "needy.jar");

        assertThatThrownBy(() -> apply(true, needy)).isInstanceOf(PluginException.class)
                .hasMessage("needy 1.0.0 needs package com.example.missing version [1.0.0,2.0.0), which no installed "
                        + "bundle exports and no plugin repository offers. Install the bundle that provides it first, "
                        + "or in the same request (mb:install DEPENDENCY.jar PLUGIN.jar), or add a repository that has "
                        + "it (mb:repo-add).");
    }

    @Test
    void aPackageExportedInAnotherVersionIsNamedWithTheVersionInstalled() throws Exception {
        apply(true, archive(jar("provider", "1.0.0", Map.of("Export-Package",
                "com.example.api;version=1.5.0")), "provider.jar"));
        BundleArchive consumer = archive(jar("consumer", "1.0.0", Map.of("Import-Package",
                "com.example.api;version=\"[2.0.0,3.0.0)\"")), "consumer.jar");

        assertThatThrownBy(() -> apply(true, consumer)).isInstanceOf(PluginException.class)
                .hasMessage("consumer 1.0.0 needs package com.example.api version [2.0.0,3.0.0), but the "
                        + "installed bundles export it only as 1.5.0 (from provider 1.0.0). Install a bundle that "
                        + "exports com.example.api in [2.0.0,3.0.0), or a version of the plugin that accepts the one "
                        + "installed.");
    }

    @Test
    void providersAndConsumersOfOneRequestResolveTogetherAndStart() throws Exception {
        BundleArchive consumer = archive(jar("consumer", "1.0.0", Map.of("Import-Package",
                "com.example.api;version=\"[1.0,2.0)\"")), "consumer.jar");
        BundleArchive provider = archive(jar("provider", "1.0.0", Map.of("Export-Package",
                "com.example.api;version=1.5.0")), "provider.jar");

        List<Bundle> touched = apply(true, consumer, provider);

        assertThat(touched).extracting(Bundle::getSymbolicName).containsExactly("consumer", "provider");
        assertThat(touched).allSatisfy(b -> assertThat(b.getState()).isEqualTo(Bundle.ACTIVE));
        assertThat(ManagedBundles.startOrder(touched)).extracting(Bundle::getSymbolicName)
                .containsExactly("provider", "consumer");
        assertThat(managed.snapshot()).extracting(BundleSnapshot::symbolicName, BundleSnapshot::source,
                BundleSnapshot::origin, BundleSnapshot::active)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("consumer", "consumer.jar", "shell",
                        true), org.assertj.core.groups.Tuple.tuple("provider", "provider.jar", "shell", true));
        InstallTransaction.persistStarts(touched);
        assertThat(touched).allSatisfy(b -> assertThat(b.getState()).isEqualTo(Bundle.ACTIVE));
    }

    @Test
    void aBundleTheFrameworkRefusesIsNamedWithTheFrameworksReason() throws Exception {
        BundleArchive twice = archive(jar("twice", "1.0.0", Map.of("Import-Package", "org.a,org.a")), "twice.jar");

        assertThatThrownBy(() -> apply(false, twice)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("Installing twice.jar (twice 1.0.0) failed: ");
        assertThat(managed.find("twice")).isEmpty();
    }

    @Test
    void anArtifactRemovedFromTheStoreCannotBeInstalled() throws Exception {
        Path jar = jar("gone", "1.0.0", Map.of());
        BundleArchive gone = archive(jar, "gone.jar");
        Files.delete(jar);

        assertThatThrownBy(() -> apply(false, gone)).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("Installing gone.jar (gone 1.0.0) failed: cannot read " + jar);
    }

    @Test
    void theSameContentAgainKeepsTheBundleAndNewContentUpdatesItInPlace() throws Exception {
        Path first = jar("lib", "1.0.0", Map.of());
        Bundle installed = apply(true, archive(first, "lib.jar")).get(0);
        long modified = installed.getLastModified();

        Bundle again = apply(true, archive(first, "lib.jar")).get(0);
        assertThat(again).isSameAs(installed);
        assertThat(again.getLastModified()).as("not updated").isEqualTo(modified);

        BundleArchive newer = archive(jar("lib", "1.1.0", Map.of()), "lib-1.1.jar");
        Bundle updated = apply(true, newer).get(0);
        assertThat(updated.getBundleId()).isEqualTo(installed.getBundleId());
        assertThat(updated.getVersion()).hasToString("1.1.0");
        assertThat(managed.currentSha("lib")).contains(newer.sha256());
        assertThat(managed.record("lib")).get().extracting(BundleSnapshot::source).isEqualTo("lib-1.1.jar");
    }

    @Test
    void updatingAProviderInUseRefreshesItsConsumersOntoTheNewContent() throws Exception {
        apply(true, archive(jar("provider", "1.0.0", Map.of("Export-Package", "com.example.api;version=1.5.0")),
                "provider.jar"), archive(jar("consumer", "1.0.0", Map.of("Import-Package",
                        "com.example.api;version=\"[1.0.0,2.0.0)\"")), "consumer.jar"));

        apply(true, archive(jar("provider", "1.1.0", Map.of("Export-Package", "com.example.api;version=1.6.0")),
                "provider-1.1.jar"));

        Bundle consumer = managed.find("consumer").orElseThrow();
        assertThat(consumer.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(consumer.adapt(org.osgi.framework.wiring.BundleWiring.class).getRequiredWires(
                "osgi.wiring.package")).extracting(w -> w.getProvider().getBundle().getVersion().toString())
                .containsExactly("1.1.0");
        var wiring = context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class);
        assertThat(wiring.getRemovalPendingBundles()).as("the old revision is gone").isEmpty();
        assertThat(ManagedBundles.refreshLimit(Duration.ofSeconds(5), 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(ManagedBundles.refreshLimit(Duration.ofSeconds(5), 3)).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aPluginCannotTakeTheNameOfARuntimeBundle() {
        assertThatThrownBy(() -> managed.refuseRuntimeName("host")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("host is the name of a bundle that is part of the MilkBottle runtime (bundle ")
                .hasMessageEndingWith("a plugin cannot replace it. Rename the plugin's Bundle-SymbolicName.");
        managed.refuseRuntimeName("not-a-runtime-bundle"); // no error
    }

    @Test
    void aRemovedBundleIsUninstalledAndForgotten() throws Exception {
        Bundle lib = apply(true, archive(jar("lib", "1.0.0", Map.of()), "lib.jar")).get(0);

        managed.remove(lib);

        assertThat(lib.getState()).isEqualTo(Bundle.UNINSTALLED);
        assertThat(managed.find("lib")).isEmpty();
        assertThat(managed.record("lib")).isEmpty();
        assertThat(managed.snapshot()).isEmpty();
    }
}
