package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceParser;

class RepositoryIndexTest {

    @TempDir
    Path dir;

    /** A bundle that exports a package and requires the runtime, as a published plugin would. */
    static Path bundle(Path folder, String name, String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Export-Package", name + ";version=" + version);
        main.putValue("Require-Capability", "milkbottle.runtime;filter:=\"(milkbottle.runtime=milkbottle)\"");
        Path jar = Files.createDirectories(folder).resolve(name + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole bundle
        }
        return jar;
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Map<String, Object> content(Resource resource) {
        return resource.getCapabilities("osgi.content").get(0).getAttributes();
    }

    @Test
    void inThisRuntimeAResourceNamesTheStoredFileWhileTheServedIndexNamesItRelativeToTheIndex() throws Exception {
        Path jar = bundle(dir, "acme.pdf", "1.2.0");
        String sha = sha256(jar);
        RepositoryIndex index = new RepositoryIndex();

        Resource resource = index.resource(sha, jar);
        assertThat(index.resource(sha, jar)).as("built once").isSameAs(resource);
        assertThat(content(resource)).containsEntry("osgi.content", sha);
        assertThat(Path.of(URI.create(String.valueOf(content(resource).get("url"))))).isEqualTo(jar);
        assertThat(resource.getCapabilities("osgi.wiring.package")).hasSize(1);
        assertThat(resource.getRequirements("milkbottle.runtime")).hasSize(1);

        URI base = URI.create("http://market.example/repository/");
        List<Resource> served = XMLResourceParser.getResources(new ByteArrayInputStream(index.write(List.of(resource),
                7)), base);
        assertThat(served).hasSize(1);
        assertThat(content(served.get(0)).get("url")).isEqualTo(base + "artifacts/" + sha);
        assertThat(String.valueOf(content(served.get(0)).get("osgi.content"))).isEqualToIgnoringCase(sha);
        assertThat(served.get(0).getRequirements("milkbottle.runtime")).hasSize(1);
        assertThat(content(resource).get("url")).as("the kept resource is unchanged").isEqualTo(jar.toUri().toString());
    }
}
