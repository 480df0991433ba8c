package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.milkbottle.core.internal.install.BundleArchive.RequirementSpec;
import org.osgi.framework.Version;

/**
 * What the planner learns from a manifest beyond packages: Require-Bundle ranges and typed Provide-Capability
 * attributes (the resolver compares a Long as a number and a Version as a version, not as text), and the refusals of
 * a jar without manifest and of a malformed capability.
 */
class ManifestCapabilitiesTest {

    @TempDir
    Path dir;

    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    private Path bundle(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "caps");
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Path file = dir.resolve("caps-" + System.nanoTime() + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file), manifest)) {
            out.flush();
        }
        return file;
    }

    @Test
    void typedCapabilityAttributesKeepTheirTypes() throws Exception {
        BundleArchive archive = reader.read(bundle(Map.of("Provide-Capability", "com.example.engine;"
                + "engine=v8;size:Long=42;ratio:Double=0.5;ports:List<Long>=\"80,443\";"
                + "since:Version=2.1;names:List<String>=\"a,b\";versions:List<Version>=\"1.0,2.0\"")), "s", "caps.jar");

        CapabilitySpec engine = archive.capabilities().stream().filter(c -> c.namespace().equals("com.example.engine"))
                .findFirst().orElseThrow();
        assertThat(engine.attributes()).containsEntry("engine", "v8").containsEntry("size", 42L)
                .containsEntry("ratio", 0.5d).containsEntry("ports", List.of(80L, 443L))
                .containsEntry("since", new Version(2, 1, 0)).containsEntry("names", List.of("a", "b"))
                .containsEntry("versions", List.of(new Version(1, 0, 0), new Version(2, 0, 0)));
    }

    @Test
    void aCapabilityAttributeThatIsNotItsTypeIsRefused() throws Exception {
        Path jar = bundle(Map.of("Provide-Capability", "com.example.engine;size:Long=big"));
        // before the fix: a bare NumberFormatException ("For input string: \"big\"") that named neither the jar nor
        // the header, and that PluginLookup (mb:info, mb:list) did not catch
        assertThatThrownBy(() -> reader.read(jar, "s", "caps.jar")).isInstanceOf(PluginException.class)
                .hasMessage("caps.jar has an invalid Long value 'big' in its Provide-Capability header (For input "
                        + "string: \"big\"). Fix the manifest and rebuild the bundle.");
        Path list = bundle(Map.of("Provide-Capability", "com.example.engine;ports:List<Long>=\"80,http\""));
        assertThatThrownBy(() -> reader.read(list, "s", "caps.jar")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("caps.jar has an invalid List<Long> value '80,http'");
    }

    @Test
    void requireBundleWithARangeBecomesABundleVersionFilter() throws Exception {
        BundleArchive archive = reader.read(bundle(Map.of("Require-Bundle",
                "com.example.lib;bundle-version=\"[1.2,2)\",com.example.any;resolution:=optional")), "s", "caps.jar");

        assertThat(archive.requirements()).filteredOn(r -> r.namespace().equals("osgi.wiring.bundle"))
                .containsExactly(
                        new RequirementSpec("osgi.wiring.bundle", "(&(osgi.wiring.bundle=com.example.lib)"
                                + "(&(bundle-version>=1.2.0)(!(bundle-version>=2.0.0))))", false),
                        new RequirementSpec("osgi.wiring.bundle", "(osgi.wiring.bundle=com.example.any)", true));
    }

    @Test
    void aFragmentRequiresItsHost() throws Exception {
        BundleArchive archive = reader.read(bundle(Map.of("Fragment-Host", "com.example.ui;bundle-version=1.0")), "s",
                "caps.jar");
        assertThat(archive.requirements()).contains(new RequirementSpec("osgi.wiring.host",
                "(osgi.wiring.host=com.example.ui)", false));
    }

    @Test
    void aJarWithoutManifestIsNotABundle() throws Exception {
        Path file = dir.resolve("plain.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
            out.closeEntry();
        }
        assertThatThrownBy(() -> reader.read(file, "s", "plain.jar")).isInstanceOf(PluginException.class)
                .hasMessage("plain.jar is a jar without META-INF/MANIFEST.MF, so it is not an OSGi bundle. Wrap it as "
                        + "a bundle (for example with bnd) before installing it.");
    }

    @Test
    void aMalformedHeaderIsNamed() throws Exception {
        Path jar = bundle(Map.of("Require-Bundle", "com.example.lib;bundle-version=\"[1.2,2)"));
        assertThatThrownBy(() -> reader.read(jar, "s", "caps.jar")).isInstanceOf(PluginException.class)
                .hasMessageStartingWith("caps.jar has a malformed Require-Bundle header (")
                .hasMessageEndingWith("). Fix the manifest and rebuild the bundle.");
    }
}
