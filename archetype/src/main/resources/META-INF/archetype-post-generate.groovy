// Makes the project with MilkBottle's SDK — the same generator and templates as mb:create — in place of the
// placeholder the archetype format starts from. The SDK of this archetype's version is resolved from the
// repositories of the build (offline: the local one), and loaded on its own class path.
import java.lang.reflect.InvocationTargetException
import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.aether.artifact.DefaultArtifact
import org.eclipse.aether.resolution.ArtifactRequest

def folder = Path.of(request.outputDirectory, request.artifactId)
def placeholder = folder.resolve('pom.xml')
def present = Files.list(folder).withCloseable { it.map { it.fileName.toString() }.toList() }
if (present != ['pom.xml']) {
    throw new IllegalStateException("${folder} already holds ${present - 'pom.xml'}; generate into an empty folder")
}

def coordinates = "${request.archetypeGroupId}:sdk-bundle:${request.archetypeVersion}"
def sdkJar
try {
    sdkJar = request.repositorySystem.resolveArtifact(request.repositorySession,
            new ArtifactRequest(new DefaultArtifact(coordinates), request.remoteRepositories, null)).artifact.file
} catch (Exception e) {
    throw new IllegalStateException("The archetype needs MilkBottle's SDK ${coordinates}, which no repository of "
            + "this build has (${e.message}); mvn install in MilkBottle's checkout puts it in the local one", e)
}

Files.delete(placeholder)
Files.delete(folder)
def loader = new URLClassLoader([sdkJar.toURI().toURL()] as URL[], ClassLoader.platformClassLoader)
def project
try {
    def generator = loader.loadClass('org.milkbottle.sdk.internal.template.StandaloneProjectGenerator')
            .getConstructor(Path).newInstance(Path.of(request.outputDirectory))
    def projectRequest = loader.loadClass('org.milkbottle.sdk.api.ProjectRequest')
            .getConstructor(String, String, Optional, Optional, Optional, Optional)
            .newInstance(request.artifactId, template, Optional.of(request.properties.getProperty('package')),
                    Optional.of(folder), Optional.of(request.groupId), Optional.of(request.version))
    project = generator.create(projectRequest)
} catch (InvocationTargetException e) {
    throw new IllegalStateException(e.cause.message, e.cause)
} catch (Exception e) {
    if (e.class.name == 'org.milkbottle.sdk.api.SdkException') {
        throw new IllegalStateException(e.message, e)
    }
    throw e
}

println "MilkBottle plugin ${project.name()} made from the template '${project.template()}' in ${project.directory()}"
println "next: cd ${project.directory()} && mvn verify"
