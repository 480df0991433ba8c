package org.milkbottle.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Starts a throwaway MilkBottle runtime with the plugin, like Jenkins' {@code hpi:run}: the runtime of this plugin's
 * version from the Maven repository, its data under target/milkbottle-run, the plugin and the bundles it depends on
 * dropped into that runtime's deploy folder (validated and installed as any drop is). The shell is yours; {@code exit}
 * ends it. A rebuild while it runs ({@code mvn package} in another terminal) is picked up by {@code mb:dev .}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME)
@Execute(phase = LifecyclePhase.PACKAGE)
public class RunMojo extends AbstractMojo {

    /** The plugin's jar. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** The throwaway runtime's folder (its data and deploy folder); emptied first. */
    @Parameter(property = "milkbottle.runHome", defaultValue = "${project.build.directory}/milkbottle-run")
    File home;

    /** Options for the runtime's JVM. */
    @Parameter(property = "milkbottle.jvmArgs", defaultValue = "")
    String jvmArgs;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Component
    RepositorySystem repositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (jar == null || !jar.isFile()) {
            throw new MojoFailureException("There is no plugin jar at " + jar + " to run.");
        }
        Path runtime = RuntimeArtifacts.runtimeJar(repositories, session, project, plugin);
        Path folder = home.toPath();
        Path deploy = folder.resolve("deploy");
        try {
            RunFolder.empty(folder);
            Files.createDirectories(deploy);
            List<Path> bundles = new ArrayList<>(List.of(jar.toPath()));
            bundles.addAll(RuntimeArtifacts.dependencyBundles(project));
            for (Path bundle : bundles) {
                Files.copy(bundle, deploy.resolve(bundle.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                getLog().info("deploy: " + bundle.getFileName());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prepare " + folder + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : jvmArgs == null ? new String[0] : jvmArgs.strip().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", runtime.toString()));
        getLog().info("starting MilkBottle " + plugin.getVersion() + " in " + folder + " (exit ends it)");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            int status = process.waitFor();
            getLog().info("MilkBottle ended with status " + status);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while MilkBottle ran", e);
        }
    }
}
