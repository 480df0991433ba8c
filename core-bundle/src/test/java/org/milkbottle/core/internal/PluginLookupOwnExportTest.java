package org.milkbottle.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.Dependency;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * A bundle that exports a package and imports it too (bnd does so for every exported package a bundle uses): the
 * resolver picks its own export and leaves the import unwired. mb:info listed each such package as UNRESOLVED on an
 * ACTIVE bundle (PDFBox: about 50 lines).
 */
class PluginLookupOwnExportTest {

    @TempDir
    Path dir;

    private Felix felix;

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void aPackageTheBundleExportsAndImportsIsWiredToItselfNotUnresolved() throws Exception {
        felix = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("felix").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        Bundle bundle = felix.getBundleContext().installBundle("own", ManifestOnlyBundles.bundle("own", Map.of(
                "Export-Package", "org.acme.own;version=\"1.2.0\"",
                "Import-Package", "org.acme.own;version=\"[1.2,2)\", org.acme.missing;resolution:=optional")));
        assertThat(felix.adapt(FrameworkWiring.class).resolveBundles(List.of(bundle))).isTrue();

        List<Dependency> dependencies = new PluginLookup(null).dependencies(bundle);

        assertThat(dependencies).filteredOn(d -> d.requirement().contains("org.acme.own")).singleElement()
                .satisfies(d -> assertThat(d.provider()).startsWith("itself"));
        assertThat(dependencies).filteredOn(d -> d.requirement().contains("org.acme.missing")).singleElement()
                .satisfies(d -> assertThat(d.provider()).isNull());
    }
}
