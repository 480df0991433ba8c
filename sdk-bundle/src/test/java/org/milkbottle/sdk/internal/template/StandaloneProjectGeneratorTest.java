package org.milkbottle.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;

/** The generator the Maven plugin and the archetype use: the templates read from the SDK's jar or classes folder. */
class StandaloneProjectGeneratorTest {

    @TempDir
    Path work;

    @Test
    void itMakesTheSameProjectAsTheBundleFromTheClassesFolder() throws Exception {
        StandaloneProjectGenerator generator = new StandaloneProjectGenerator(work);

        assertThat(generator.templates()).extracting(Template::name).contains("basic", "command", "web");
        GeneratedProject project = generator.create(new ProjectRequest("org.acme.notes", "command", Optional.empty(),
                Optional.empty()));

        assertThat(project.directory()).isEqualTo(work.resolve("org.acme.notes"));
        assertThat(Files.readString(project.directory().resolve("pom.xml")))
                .contains("<artifactId>org.acme.notes</artifactId>", "<artifactId>milkbottle-maven-plugin</artifactId>")
                .doesNotContain("{{");
        assertThat(project.directory().resolve("src/main/java/org/acme/notes/NotesCommands.java")).isRegularFile();
        assertThatThrownBy(() -> generator.create(new ProjectRequest("org.acme.notes", "command", Optional.empty(),
                Optional.empty()))).isInstanceOf(SdkException.class).hasMessageContaining("exists");
    }

    @Test
    void aJarIsReadAsTheBundleIs() throws Exception {
        Path jar = work.resolve("sdk.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "templates/catalogue.txt", "one: the first\n");
            entry(out, "templates/one/pom.xml", "<project/>");
            entry(out, "templates/one/src/__package__/A.java", "class A {}");
            entry(out, "templates/other/x.txt", "x");
            out.putNextEntry(new JarEntry("templates/one/empty/"));
            out.closeEntry();
        }
        CodeSourceTemplateSource source = new CodeSourceTemplateSource(jar);

        assertThat(source.files("one")).containsExactly("pom.xml", "src/__package__/A.java");
        assertThat(source.files("none")).isEmpty();
        assertThat(new String(source.read("one/pom.xml"), StandardCharsets.UTF_8)).isEqualTo("<project/>");
        assertThatThrownBy(() -> source.read("one/missing.txt")).isInstanceOf(IOException.class)
                .hasMessageContaining("templates/one/missing.txt");
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream body = out;
        body.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
