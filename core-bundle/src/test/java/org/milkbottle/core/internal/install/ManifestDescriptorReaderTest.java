package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginException;
import org.osgi.framework.Version;

class ManifestDescriptorReaderTest {

    @TempDir
    Path dir;

    private final ManifestDescriptorReader reader = new ManifestDescriptorReader();

    private Path jar(Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        Path file = dir.resolve("b" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    @Test
    void readsAllPluginMetadataAndRequirements() throws IOException {
        Path file = jar(Map.ofEntries(Map.entry("Bundle-ManifestVersion", "2"),
                Map.entry("Bundle-SymbolicName", "com.acme.tool;singleton:=true"), Map.entry("Bundle-Version", "1.2.3"),
                Map.entry("Bundle-Name", "Tool"), Map.entry("Bundle-Description", "Does things"),
                Map.entry("Bundle-Vendor", "Acme"), Map.entry("Bundle-ContactAddress", "dev@acme.com"),
                Map.entry("Bundle-License", "MIT"), Map.entry("Bundle-DocURL", "https://acme.com/tool"),
                Map.entry("Bundle-SCM", "url=https://git.acme.com/tool"),
                Map.entry("MilkBottle-Capabilities", "pdf, text"), Map.entry("MilkBottle-Tags", "docs"),
                Map.entry("MilkBottle-Permissions", "file-read, network"),
                Map.entry("Import-Package", "org.slf4j;version=\"[1.7,2)\",com.opt;resolution:=optional"),
                Map.entry("Export-Package", "com.acme.tool.api;version=1.1"),
                Map.entry("Require-Capability", "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)"
                        + "(version>=1.0)(!(version>=2.0)))\",osgi.service;filter:=\"(objectClass=x)\";effective:=active"),
                Map.entry("Provide-Capability", "acme.format;acme.format=pdf;version:Version=\"2.0\"")));
        BundleArchive archive = reader.read(file, "sha", "tool.jar");
        PluginDescriptor d = archive.descriptor();
        assertThat(d.symbolicName()).isEqualTo("com.acme.tool");
        assertThat(d.version()).isEqualTo("1.2.3");
        assertThat(d.contact()).isEqualTo("dev@acme.com");
        assertThat(d.capabilities()).containsExactly("pdf", "text");
        assertThat(d.permissions()).containsExactly("file-read", "network");
        assertThat(d.runtimeRange()).isEqualTo("[1.0,2.0)");
        assertThat(d.isPlugin()).isTrue();
        assertThat(archive.requirements()).extracting(BundleArchive.RequirementSpec::namespace)
                .containsExactly("osgi.wiring.package", "osgi.wiring.package", "milkbottle.runtime");
        assertThat(archive.requirements().get(1).optional()).isTrue();
        assertThat(archive.capabilities()).anyMatch(c -> c.namespace().equals("acme.format")
                && c.attributes().get("version").equals(new Version(2, 0, 0)));
        assertThat(archive.capabilities()).anyMatch(c -> "com.acme.tool.api".equals(c.attributes()
                .get("osgi.wiring.package")));
    }

    @Test
    void refusesWhatIsNotABundleWithAHelpfulMessage() throws IOException {
        assertThatThrownBy(() -> reader.read(jar(Map.of("Implementation-Title", "x")), "s", "plain.jar"))
                .isInstanceOf(PluginException.class).hasMessageContaining("plain.jar is a jar but not an OSGi bundle");
        assertThatThrownBy(() -> reader.read(jar(Map.of("Bundle-SymbolicName", "x")), "s", "old.jar"))
                .hasMessageContaining("Bundle-ManifestVersion");
        assertThatThrownBy(() -> reader.read(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x",
                "Bundle-Version", "one.two")), "s", "v.jar")).hasMessageContaining("invalid version 'one.two'");
        assertThatThrownBy(() -> reader.read(jar(Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "x",
                "Import-Package", "a;version=\"[1,\"")), "s", "r.jar")).hasMessageContaining("invalid version range");
        Path text = Files.writeString(dir.resolve("text.jar"), "hello");
        assertThatThrownBy(() -> reader.read(text, "s", "text.jar")).hasMessageContaining("is not a valid jar file");
    }
}
