package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.validation.api.ValidationReport;

class UpdateContinuityTest {

    private static final BundleSnapshot INSTALLED = new BundleSnapshot("org.acme.tool", "1.0.0", "old", true,
            "mvn:org.acme/tool/1.0.0", "shell");

    private static List<String> update(String source, String signer, String origin, String installedSigner,
            BundleSnapshot installed, boolean replace) {
        PluginDescriptor descriptor = new PluginDescriptor("org.acme.tool", "1.1.0", "Tool", null, null, null, null,
                null, null, List.of(), List.of(), List.of(), null, null);
        BundleArchive archive = new BundleArchive(Path.of("tool.jar"), "new", source, descriptor, List.of(),
                List.of());
        Map<BundleArchive, ValidationReport> reports = new LinkedHashMap<>();
        reports.put(archive, new ValidationReport(source, "org.acme.tool", "1.1.0", "new", false, List.of(),
                List.of(), List.of(), signer == null ? "unsigned" : "trusted", signer));
        return new UpdateContinuity(name -> Optional.of(installed), record -> installedSigner).check(reports, origin,
                replace);
    }

    @Test
    void anotherVersionFromTheSameMavenArtifactOrPluginNameKeepsProvenance() {
        assertThat(update("mvn:org.acme/tool/1.1.0", null, "shell", null, INSTALLED, false)).isEmpty();
        BundleSnapshot byName = new BundleSnapshot("org.acme.tool", "1.0.0", "old", true, "tool", "shell");
        assertThat(update("tool@[1.1,2)", null, "shell", null, byName, false)).isEmpty();
    }

    @Test
    void anotherSourceNeedsTheSameSignerOrReplace() {
        List<String> refused = update("/tmp/tool.jar", null, "shell", null, INSTALLED, false);
        assertThat(refused).singleElement().asString().contains("mb:install --replace /tmp/tool.jar");
        assertThat(update("/tmp/tool.jar", "CN=acme", "shell", "CN=acme", INSTALLED, false)).isEmpty();
        assertThat(update("/tmp/tool.jar", "CN=mallory", "shell", "CN=acme", INSTALLED, false)).hasSize(1);
        assertThat(update("/tmp/tool.jar", null, "shell", null, INSTALLED, true)).isEmpty();
    }

    @Test
    void theDeployFolderNeverReplacesWhatItDidNotInstall() {
        assertThat(update("/srv/deploy/tool.jar", null, "deploy", null, INSTALLED, true)).singleElement().asString()
                .contains("the deploy folder only manages plugins it installed itself");
        // the same content too: taking it silently would make the file seem to own the plugin, and removing the
        // file then do nothing
        BundleSnapshot sameContent = new BundleSnapshot("org.acme.tool", "1.1.0", "new", true, "/home/u/tool.jar",
                "shell");
        assertThat(update("/srv/deploy/tool.jar", null, "deploy", null, sameContent, false)).singleElement()
                .asString().contains("mb:uninstall it first to let the deploy folder take it over");
        assertThat(update("/home/u/tool.jar", null, "shell", null, sameContent, false)).isEmpty();
    }

    @Test
    void onlyTheDeployFolderUninstallsWhatItOwnsWhileTheJarIsThere(@TempDir Path dir)
            throws Exception {
        Path jar = Files.writeString(dir.resolve("tool.jar"), "jar");
        BundleSnapshot deployed = new BundleSnapshot("org.acme.tool", "1.0.0", "a", true, jar.toString(), "deploy");
        assertThat(DeployOwnership.uninstallRefusal(deployed, "shell")).get().asString()
                .contains("delete (or move away) that file to uninstall it").contains(jar.toString());
        assertThat(DeployOwnership.uninstallRefusal(deployed, "deploy")).isEmpty();
        assertThat(DeployOwnership.uninstallRefusal(INSTALLED, "shell")).isEmpty();
        Files.delete(jar);
        assertThat(DeployOwnership.uninstallRefusal(deployed, "shell")).as("the file is gone").isEmpty();
    }
}
