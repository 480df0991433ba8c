package org.milkbottle.sdk.internal.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.SdkException;

class JarDocumenterTest {

    @TempDir
    Path work;

    static final String COMPONENT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.3.0" name="c">
              <property name="osgi.command.scope" type="String" value="notes"/>
              <property name="osgi.command.function" type="String">add
            list
            package</property>
              <implementation class="org.milkbottle.sdk.internal.docs.DescribedCommands"/>
            </scr:component>
            """;
    static final String CHECK = """
            <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="h">
              <property name="hc.name" type="String" value="Notes store"/>
              <property name="hc.tags" type="String" value="notes"/>
              <implementation class="x.Check"/>
            </scr:component>
            """;
    static final String METATYPE = """
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="x.Config" name="Notes" description="How notes are kept">
                <AD id="limit" type="Integer" name="Limit" description="At most this many &lt;notes&gt;" min="1" max="100" default="10"/>
                <AD id="style" type="String" name="Style" default="plain">
                  <Option label="as written" value="plain"/>
                  <Option label="upper case" value="shout"/>
                </AD>
              </OCD>
              <Designate pid="org.acme.notes"><Object ocdref="x.Config"/></Designate>
            </metatype:MetaData>
            """;

    private Path jar(String name, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        Path jar = work.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        return jar;
    }

    private static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    private static byte[] commandsClass() throws IOException {
        try (InputStream in = DescribedCommands.class.getResourceAsStream("DescribedCommands.class")) {
            return in.readAllBytes();
        }
    }

    private Path pluginJar() throws IOException {
        return jar("notes.jar", headers("Bundle-SymbolicName", "org.acme.notes;singleton:=true",
                "Bundle-Version", "1.2.0", "Bundle-Name", "Notes", "Bundle-Description", "Keeps notes | safely",
                "Bundle-Vendor", "Acme", "Bundle-ContactAddress", "notes@acme.org",
                "Bundle-License", "Apache-2.0;link=\"https://www.apache.org/licenses/LICENSE-2.0\"",
                "Require-Capability", "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>=1.0))\"",
                "MilkBottle-Permissions", "file-read", "Export-Package", "org.acme.notes.api;version=\"1.0.0\"",
                "Import-Package", "java.util,org.apache.felix.service.command;version=\"[1.0,2)\"",
                "Service-Component", "OSGI-INF/c.xml,OSGI-INF/h.xml"),
                Map.of("OSGI-INF/c.xml", COMPONENT.strip().getBytes(StandardCharsets.UTF_8),
                        "OSGI-INF/h.xml", CHECK.getBytes(StandardCharsets.UTF_8),
                        "OSGI-INF/metatype/x.Config.xml", METATYPE.getBytes(StandardCharsets.UTF_8),
                        "org/milkbottle/sdk/internal/docs/DescribedCommands.class", commandsClass()));
    }

    @Test
    void thePageShowsMetadataCommandsConfigurationHealthAndPackages() throws Exception {
        List<Path> pages = new JarDocumenter().document(pluginJar(), work.resolve("docs"), true);
        assertThat(pages).containsExactly(work.resolve("docs/org.acme.notes.md"), work.resolve("docs/org.acme.notes.html"));

        String markdown = Files.readString(pages.get(0));
        assertThat(markdown).startsWith("# Notes 1.2.0\n\nKeeps notes | safely\n")
                .contains("| Vendor | Acme |", "| Contact | notes@acme.org |", "| License | Apache-2.0 |",
                        "(&(milkbottle.runtime=milkbottle)(version>=1.0))", "| Permissions | file-read |",
                        "| notes:add | add an entry | the entry's text |", "| notes:list | list the entries |  |",
                        "| notes:package | sign the jar | the keystore |",
                        "| org.acme.notes | limit | Integer | 10 | 1 to 100 | Limit: At most this many <notes> |",
                        "plain (as written), shout (upper case)", "| Notes store | notes |",
                        "| org.acme.notes.api 1.0.0 | offered to other plugins |",
                        "| org.apache.felix.service.command [1.0,2) | needed |")
                .doesNotContain("notACommand", "java.util");
        String html = Files.readString(pages.get(1));
        assertThat(html).contains("<h1>Notes 1.2.0</h1>", "<td>notes:add</td><td>add an entry</td>",
                "At most this many &lt;notes&gt;").doesNotContain("<notes>");
    }

    @Test
    void aJarThatIsNoBundleOrCarriesADoctypeIsRefusedAndNothingIsWritten() throws Exception {
        JarDocumenter documenter = new JarDocumenter();
        Path plain = jar("plain.jar", Map.of(), Map.of());
        assertThatThrownBy(() -> documenter.document(plain, work.resolve("docs"), false)).isInstanceOf(SdkException.class)
                .hasMessageContaining("it is not a plugin");
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<metatype:MetaData xmlns:metatype=\"http://www.osgi.org/xmlns/metatype/v1.2.0\"><OCD id=\"a\" "
                + "name=\"&x;\"/></metatype:MetaData>";
        Path hostile = jar("hostile.jar", Map.of("Bundle-SymbolicName", "org.acme.hostile", "Bundle-Version", "1.0.0"),
                Map.of("OSGI-INF/metatype/a.xml", entity.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> documenter.document(hostile, work.resolve("docs"), false))
                .hasMessageContaining("is not well-formed XML").hasMessageEndingWith("Nothing was written.");
        Path steering = jar("steer.jar", Map.of("Bundle-SymbolicName", "../../escape", "Bundle-Version", "1.0.0"),
                Map.of());
        assertThatThrownBy(() -> documenter.document(steering, work.resolve("docs"), false))
                .hasMessageContaining("which is not a plugin name");
        assertThatThrownBy(() -> documenter.document(work.resolve("missing.jar"), work.resolve("docs"), false))
                .hasMessageContaining("is not a file");
        assertThat(work.resolve("docs")).doesNotExist();
    }
}
