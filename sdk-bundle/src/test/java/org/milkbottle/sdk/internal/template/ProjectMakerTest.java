package org.milkbottle.sdk.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;

class ProjectMakerTest {

    @TempDir
    Path work;

    private ProjectMaker maker;

    @BeforeEach
    void setUp() throws IOException {
        maker = new ProjectMaker(new DirectoryTemplateSource(DirectoryTemplateSource.SOURCE_TREE),
                TemplateVersions.read());
    }

    private static ProjectRequest request(String name, String template) {
        return new ProjectRequest(name, template, Optional.empty(), Optional.empty());
    }

    @Test
    void theCatalogueListsTheTemplatesInOrder() {
        assertThat(maker.templates()).extracting(Template::name).containsExactly("basic", "command", "config", "healthcheck", "service",
                "web");
        assertThat(maker.templates()).allSatisfy(t -> assertThat(t.description()).isNotBlank());
    }

    @Test
    void aCommandProjectIsWrittenWithEveryTokenFilledIn() throws Exception {
        GeneratedProject project = maker.create(request("org.acme.notes", "command"), work);

        Path folder = work.resolve("org.acme.notes");
        assertThat(project.directory()).isEqualTo(folder);
        assertThat(project.jar()).isEqualTo("target/org.acme.notes.jar");
        assertThat(project.files()).contains("pom.xml", "bnd.bnd", ".gitignore", "CHANGELOG.md", "README.md",
                "src/main/java/org/acme/notes/NotesCommands.java", "src/main/java/org/acme/notes/package-info.java",
                "src/test/java/org/acme/notes/EntriesTest.java");
        String commands = Files.readString(folder.resolve("src/main/java/org/acme/notes/NotesCommands.java"));
        assertThat(commands).contains("package org.acme.notes;", "@GogoCommand(scope = \"notes\"",
                "public class NotesCommands");
        String pom = Files.readString(folder.resolve("pom.xml"));
        Properties versions = TemplateVersions.read();
        assertThat(pom).contains("<groupId>org.acme</groupId>", "<artifactId>org.acme.notes</artifactId>",
                "<version>" + versions.getProperty("bnd.version") + "</version>",
                "<version>" + versions.getProperty("gogo.runtime.version") + "</version>");
        assertThat(versions.getProperty("bnd.version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(Files.readString(folder.resolve("bnd.bnd"))).contains("Bundle-SymbolicName: org.acme.notes",
                "Bundle-ContactAddress: plugins@acme.org");
        assertThat(Files.readString(folder.resolve("README.md"))).contains("mb:install file:" + folder
                + "/target/org.acme.notes.jar", "notes:add \"buy milk\"");
        assertNoStagingLeft();
    }

    @Test
    void everyTemplateFillsEveryTokenAndPutsEachClassInItsPackageFolder() throws Exception {
        for (Template template : maker.templates()) {
            Path folder = work.resolve(template.name());
            GeneratedProject project = maker.create(new ProjectRequest("com.example.my-tool", template.name(),
                    Optional.of("com.example.tool"), Optional.of(folder)), work);
            for (String file : project.files()) {
                String text = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
                assertThat(text).as(template.name() + ": " + file).doesNotContain("{{", "}}", "__package__");
                Matcher declared = Pattern.compile("(?m)^package ([\\w.]+);").matcher(text);
                if (file.endsWith(".java") && declared.find()) {
                    assertThat(file).as("where " + file + " lives").contains(declared.group(1).replace('.', '/') + "/");
                }
            }
            assertThat(project.files()).as(template.name()).contains("pom.xml", "bnd.bnd", "README.md",
                    "CHANGELOG.md", ".gitignore");
            String tests = template.name().equals("service") ? "impl/src/test/java/com/example/tool/"
                    : "src/test/java/com/example/tool/";
            assertThat(project.files()).as(template.name() + " has a unit test")
                    .anyMatch(f -> f.startsWith(tests) && f.endsWith("Test.java"));
        }
    }

    @Test
    void anUnknownTemplateIsRefusedNamingTheTemplatesAndWritesNothing() throws IOException {
        assertThatThrownBy(() -> maker.create(request("org.acme.notes", "gui"), work)).isInstanceOf(SdkException.class)
                .hasMessage("There is no template 'gui'; the templates are basic, command, config, "
                        + "healthcheck, service, web (mb:templates describes them).");
        assertThat(work.resolve("org.acme.notes")).doesNotExist();
        assertNoStagingLeft();
    }

    @Test
    void anExistingFolderIsRefusedAndLeftAsItWas() throws Exception {
        Path folder = Files.createDirectories(work.resolve("org.acme.notes"));
        Files.writeString(folder.resolve("pom.xml"), "mine");

        assertThatThrownBy(() -> maker.create(request("org.acme.notes", "command"), work))
                .hasMessage(folder + " exists already; nothing was written. Choose another folder with --dir, or "
                        + "remove that one first.");
        assertThat(Files.readString(folder.resolve("pom.xml"))).isEqualTo("mine");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(1);
        }
        Path emptyFolder = Files.createDirectories(work.resolve("empty"));
        assertThatThrownBy(() -> maker.create(new ProjectRequest("org.acme.notes", "basic", Optional.empty(),
                Optional.of(emptyFolder)), work)).hasMessageContaining("exists already");
        assertNoStagingLeft();
    }

    @Test
    void aRelativeFolderIsTakenFromTheWorkingFolderAndParentsAreMade() throws Exception {
        GeneratedProject project = maker.create(new ProjectRequest("org.acme.notes", "basic", Optional.empty(),
                Optional.of(Path.of("projects/notes"))), work);
        assertThat(project.directory()).isEqualTo(work.resolve("projects/notes"));
        assertThat(work.resolve("projects/notes/src/main/java/org/acme/notes/internal/NotesComponent.java"))
                .isRegularFile();
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesNothingBehind() throws Exception {
        Files.writeString(work.resolve("file"), "a file where a folder should be");
        assertThatThrownBy(() -> maker.create(new ProjectRequest("org.acme.notes", "basic", Optional.empty(),
                Optional.of(Path.of("file/notes"))), work)).isInstanceOf(SdkException.class)
                .hasMessageContaining("Could not write the project to " + work.resolve("file/notes"))
                .hasMessageEndingWith("Nothing was written.");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(work.resolve("file"));
        }
    }

    @Test
    void foldersMadeForAProjectThatFailsAreRemovedAndNothingElseAndAProjectFolderIsAnOrdinaryOne() throws Exception {
        Path keep = Files.createDirectories(work.resolve("keep"));
        Files.writeString(keep.resolve("mine.txt"), "mine");
        // a file that would land outside the project fails the write after keep/new/deeper was made for it
        assertThatThrownBy(() -> ProjectWriter.write(work.resolve("keep/new/deeper/proj"),
                java.util.Map.of("../../escape.txt", new byte[] {1}))).isInstanceOf(SdkException.class)
                .hasMessageContaining("would land outside the project");
        assertThat(work.resolve("keep/new")).doesNotExist();
        assertThat(Files.readString(keep.resolve("mine.txt"))).isEqualTo("mine");
        try (Stream<Path> files = Files.list(keep)) {
            assertThat(files).containsExactly(keep.resolve("mine.txt"));
        }

        Path project = maker.create(new ProjectRequest("org.acme.notes", "basic", Optional.empty(),
                Optional.of(work.resolve("keep/made/here"))), work).directory();
        assertThat(Files.getPosixFilePermissions(project)).as("an ordinary folder, not the owner's alone")
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void aBrokenTemplateIsReportedAndWritesNothing() throws Exception {
        Path templates = Files.createDirectories(work.resolve("templates"));
        Files.writeString(templates.resolve("catalogue.txt"), "# broken\nbroken: uses a token that stands for nothing\n");
        Files.createDirectories(templates.resolve("broken"));
        Files.writeString(templates.resolve("broken/pom.xml"), "<artifactId>{{name}}</artifactId>");
        Files.writeString(templates.resolve("broken/README.md"), "{{nonsense}}");
        ProjectMaker broken = new ProjectMaker(new DirectoryTemplateSource(templates), new Properties());
        Path out = Files.createDirectories(work.resolve("out"));

        assertThatThrownBy(() -> broken.create(request("org.acme.notes", "broken"), out))
                .hasMessageStartingWith("The template 'broken' is broken (the template file broken/README.md uses "
                        + "{{nonsense}}, which stands for nothing");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aCatalogueLineWithoutADescriptionIsAnError() throws Exception {
        Path templates = Files.createDirectories(work.resolve("bad"));
        Files.writeString(templates.resolve("catalogue.txt"), "basic\n");
        assertThatThrownBy(() -> new ProjectMaker(new DirectoryTemplateSource(templates), new Properties()))
                .hasMessage("templates/catalogue.txt: 'basic' is not 'NAME: description'");
        Files.writeString(templates.resolve("catalogue.txt"), "Basic Stuff: a description\n");
        assertThatThrownBy(() -> new ProjectMaker(new DirectoryTemplateSource(templates), new Properties()))
                .hasMessage("templates/catalogue.txt: 'Basic Stuff: a description' is not 'NAME [JAR]: description'");
    }

    @Test
    void theServiceTemplateIsTwoModulesSharingTheMetadataAndItsPluginJarIsTheImplementations() throws Exception {
        GeneratedProject project = maker.create(request("org.acme.greeter", "service"), work);

        Path folder = work.resolve("org.acme.greeter");
        assertThat(project.jar()).isEqualTo("impl/target/org.acme.greeter.jar");
        assertThat(project.files()).contains("pom.xml", "bnd.bnd", "api/pom.xml", "api/bnd.bnd", "impl/pom.xml",
                "impl/bnd.bnd", "api/src/main/java/org/acme/greeter/api/GreeterService.java",
                "impl/src/main/java/org/acme/greeter/internal/GreeterCommands.java");
        assertThat(Files.readString(folder.resolve("pom.xml"))).contains("<packaging>pom</packaging>",
                "<module>api</module>", "<module>impl</module>");
        assertThat(Files.readString(folder.resolve("api/bnd.bnd"))).contains("Bundle-SymbolicName: org.acme.greeter.api",
                "-include: ~${.}/../bnd.bnd");
        assertThat(Files.readString(folder.resolve("impl/pom.xml"))).contains(
                "<artifactId>org.acme.greeter.api</artifactId>", "<finalName>org.acme.greeter</finalName>");
    }

    @Test
    void theGroupIdAndVersionCanBeGivenAndAreChecked() throws Exception {
        maker.create(new ProjectRequest("org.acme.notes", "service", Optional.empty(), Optional.empty(),
                Optional.of("com.acme.tools"), Optional.of("2.0.0-SNAPSHOT")), work);
        Path folder = work.resolve("org.acme.notes");
        for (String pom : List.of("pom.xml", "api/pom.xml", "impl/pom.xml")) {
            assertThat(Files.readString(folder.resolve(pom))).as(pom).contains("<groupId>com.acme.tools</groupId>",
                    "<version>2.0.0-SNAPSHOT</version>").doesNotContain("<groupId>org.acme</groupId>");
        }
        assertThatThrownBy(() -> maker.create(new ProjectRequest("org.acme.other", "basic", Optional.empty(),
                Optional.empty(), Optional.of("com.acme</groupId><x>"), Optional.empty()), work))
                .hasMessageStartingWith("'com.acme</groupId><x>' is not a Maven groupId");
        assertThatThrownBy(() -> maker.create(new ProjectRequest("org.acme.other", "basic", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("1.0 beta")), work))
                .hasMessageStartingWith("'1.0 beta' is not a Maven version");
        assertThat(work.resolve("org.acme.other")).doesNotExist();
    }

    private void assertNoStagingLeft() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).noneMatch(n -> n.contains(".creating-"));
        }
    }
}
