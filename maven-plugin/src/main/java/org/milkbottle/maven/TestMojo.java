package org.milkbottle.maven;

import java.io.File;
import java.time.Duration;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.internal.test.JarTester;

/**
 * The plugin's in-framework test, as {@code mb:test} runs it: a throwaway MilkBottle (the runtime of the plugin's
 * version, from the Maven repository) installs the jar with the bundles it depends on, and checks that it starts,
 * that every component activates, that its health checks pass, that its commands answer {@code help} and that its
 * configuration migrations lead to its schema. A failing check fails the build, naming it.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.VERIFY,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class TestMojo extends AbstractMojo {

    /** The plugin's jar. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** Seconds the throwaway runtime may take, start to stop. */
    @Parameter(property = "milkbottle.test.timeout", defaultValue = "180")
    int timeoutSeconds;

    /** Permissions the plugin may hold beyond a local file's (those a trusted source will give it). */
    @Parameter(property = "milkbottle.allowPermissions")
    String allowPermissions;

    /** Skip the in-framework test (also skipped by -DskipTests, -DskipITs and milkbottle.skip). */
    @Parameter(property = "milkbottle.test.skip", defaultValue = "false")
    boolean skip;

    /** Skip all of MilkBottle's checks (validate and this test). */
    @Parameter(property = "milkbottle.skip", defaultValue = "false")
    boolean skipAll;

    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Component
    RepositorySystem repositories;

    @Override
    public void execute() throws MojoFailureException {
        if (skip || skipAll || skipTests || skipITs) {
            getLog().info("MilkBottle's in-framework test skipped");
            return;
        }
        if (jar == null || !jar.isFile()) {
            throw new MojoFailureException("There is no plugin jar at " + jar + " to test.");
        }
        JarTester tester = new JarTester(RuntimeArtifacts.runtimeJar(repositories, session, project, plugin),
                Duration.ofSeconds(timeoutSeconds));
        PluginTestReport report;
        try {
            report = tester.test(jar.toPath(), RuntimeArtifacts.dependencyBundles(project), allowPermissions);
        } catch (SdkException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        for (PluginTestReport.Check check : report.checks()) {
            String line = (check.passed() ? "PASS  " : "FAIL  ") + check.name() + ": " + check.detail();
            if (check.passed()) {
                getLog().info(line);
            } else {
                getLog().error(line);
            }
        }
        if (!report.passed()) {
            PluginTestReport.Check failed = report.checks().stream().filter(c -> !c.passed()).findFirst().orElseThrow();
            throw new MojoFailureException(report.plugin() + " " + report.version() + " failed MilkBottle's "
                    + "in-framework test: " + failed.name() + " — " + failed.detail());
        }
        getLog().info(report.plugin() + " " + report.version() + " passed MilkBottle's in-framework test ("
                + report.checks().size() + " checks, in a throwaway runtime)");
    }
}
