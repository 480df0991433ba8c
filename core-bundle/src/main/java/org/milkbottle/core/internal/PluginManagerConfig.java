package org.milkbottle.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the plugin manager (PID {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle plugin manager",
        description = "How plugins are fetched and started")
public @interface PluginManagerConfig {

    /** The configuration PID. */
    String PID = "org.milkbottle.core";

    @AttributeDefinition(name = "Start timeout (seconds)",
            description = "How long a plugin may take to start (activator and components) before its install is undone",
            min = "0.1")
    double startTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Download timeout (seconds)", min = "1")
    int downloadTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Largest artifact (bytes)", description = "Bigger downloads or files are refused",
            min = "1")
    long maxArtifactBytes() default 256L * 1024 * 1024;

    @AttributeDefinition(name = "Maven repositories",
            description = "Remote repositories for mvn: sources, tried in order after the local repository")
    String[] mavenRepositories() default { "https://repo1.maven.org/maven2/" };

    @AttributeDefinition(name = "Trusted Maven repositories",
            description = "An mvn: artifact whose checksum one of these repositories publishes (SHA-256, else "
                    + "SHA-1) is trusted by its source; empty trusts none. Trusting a repository trusts everyone "
                    + "who can publish there.")
    String[] trustedMavenRepositories() default { "https://repo1.maven.org/maven2/" };

    @AttributeDefinition(name = "Local Maven repository",
            description = "Empty means the system property maven.repo.local, else ~/.m2/repository")
    String mavenLocalRepository() default "";
}
