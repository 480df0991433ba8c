package org.milkbottle.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;
import org.milkbottle.sdk.internal.template.StandaloneProjectGenerator;

/**
 * Creates a plugin project from one of the SDK's templates, as {@code mb:create} does, without a runtime:
 * {@code mvn org.milkbottle:milkbottle-maven-plugin:VERSION:create -Dname=org.acme.notes -Dtemplate=command}.
 */
@Mojo(name = "create", requiresProject = false, threadSafe = true)
public class CreateMojo extends AbstractMojo {

    /** The plugin's symbolic name, e.g. org.acme.notes (also its artifactId and folder). */
    @Parameter(property = "name")
    String name;

    /** The template: basic, command, config, healthcheck, web, service (-Dtemplate=list lists them). */
    @Parameter(property = "template", defaultValue = "basic")
    String template;

    /** The Java package; default: the name. */
    @Parameter(property = "package")
    String javaPackage;

    /** The Maven groupId; default: the name without its last part. */
    @Parameter(property = "groupId")
    String groupId;

    /** The project's first version; default: 0.1.0-SNAPSHOT. */
    @Parameter(property = "version")
    String version;

    /** The project folder to create (it must not exist); default: NAME in the current folder. */
    @Parameter(property = "dir")
    String directory;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path workingFolder = Path.of(session == null ? System.getProperty("user.dir")
                : session.getExecutionRootDirectory());
        StandaloneProjectGenerator generator;
        try {
            generator = new StandaloneProjectGenerator(workingFolder);
        } catch (IOException e) {
            throw new MojoExecutionException("The SDK's templates cannot be read: " + e.getMessage(), e);
        }
        if ("list".equals(template)) {
            for (Template each : generator.templates()) {
                getLog().info(each.name() + ": " + each.description());
            }
            return;
        }
        if (name == null || name.isBlank()) {
            throw new MojoFailureException("Name the plugin: -Dname=org.acme.notes (and -Dtemplate=command; "
                    + "-Dtemplate=list lists the templates)");
        }
        try {
            GeneratedProject project = generator.create(new ProjectRequest(name, template, blank(javaPackage),
                    blank(directory).map(Path::of), blank(groupId), blank(version)));
            getLog().info("created " + project.directory() + " from the template '" + project.template() + "' ("
                    + project.files().size() + " files)");
            getLog().info("next: cd " + project.directory() + " && mvn verify   (builds, tests, validates, writes "
                    + "docs); then in the runtime: mb:install file:" + project.directory().resolve(project.jar()));
        } catch (SdkException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
