package org.milkbottle.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.internal.docs.JarDocumenter;

/**
 * Writes the plugin's reference page (Markdown and HTML) from its jar alone, as {@code mb:docs} does: metadata,
 * commands with their descriptions, configuration schema, health checks, permissions, packages.
 */
@Mojo(name = "docs", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class DocsMojo extends AbstractMojo {

    /** The plugin's jar. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** Where the pages go. */
    @Parameter(property = "milkbottle.docs", defaultValue = "${project.build.directory}/docs")
    File folder;

    /** Also write the HTML page. */
    @Parameter(property = "milkbottle.html", defaultValue = "true")
    boolean html;

    @Override
    public void execute() throws MojoFailureException {
        if (jar == null || !jar.isFile()) {
            throw new MojoFailureException("There is no plugin jar at " + jar + ": build it first (mvn package), or "
                    + "name it with -Dmilkbottle.jar=FILE.");
        }
        try {
            List<Path> written = new JarDocumenter().document(jar.toPath(), folder.toPath(), html);
            written.forEach(page -> getLog().info("wrote " + page));
        } catch (SdkException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
