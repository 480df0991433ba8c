package org.milkbottle.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** What the run and test goals start: the MilkBottle runtime of the plugin's version, and the bundles a plugin needs. */
final class RuntimeArtifacts {

    private RuntimeArtifacts() {
    }

    /** The runtime's jar: org.milkbottle:launcher:jar:milkbottle of this Maven plugin's version. */
    static Path runtimeJar(RepositorySystem repositories, MavenSession session, MavenProject project,
            PluginDescriptor plugin) throws MojoFailureException {
        String coordinates = plugin.getGroupId() + ":launcher:jar:milkbottle:" + plugin.getVersion();
        try {
            return repositories.resolveArtifact(session.getRepositorySession(), new ArtifactRequest(
                    new DefaultArtifact(coordinates), project.getRemoteProjectRepositories(), null)).getArtifact()
                    .getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("The MilkBottle runtime " + coordinates + " is not in a repository this "
                    + "build can reach (" + e.getMessage() + "); mvn install in MilkBottle's checkout puts it in the "
                    + "local one.", e);
        }
    }

    /** The project's compile and runtime dependencies that are bundles: what the plugin needs beside it. */
    static List<Path> dependencyBundles(MavenProject project) {
        List<Path> bundles = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            boolean runs = Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
            if (runs && artifact.getFile() != null && isBundle(artifact.getFile().toPath())) {
                bundles.add(artifact.getFile().toPath());
            }
        }
        return bundles;
    }

    private static boolean isBundle(Path file) {
        try (JarFile jarFile = new JarFile(file.toFile(), false)) {
            return jarFile.getManifest() != null
                    && jarFile.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
