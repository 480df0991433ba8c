package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to generate.
 *
 * @param name        the plugin's symbolic name, e.g. {@code org.acme.notes}; also the Maven artifactId, and its
 *                    last segment is the shell scope of a command template ({@code notes:add})
 * @param template    the template's name ({@link ProjectGenerator#templates()})
 * @param javaPackage the Java package of the code; empty: the name, if it is a valid package name
 * @param directory   the project folder to create (it must not exist); empty: a folder named after the plugin in
 *                    the runtime's working folder
 * @param groupId     the Maven groupId; empty: the name without its last part ({@code org.acme})
 * @param version     the project's first version; empty: {@code 0.1.0-SNAPSHOT}
 */
public record ProjectRequest(String name, String template, Optional<String> javaPackage, Optional<Path> directory,
        Optional<String> groupId, Optional<String> version) {

    public ProjectRequest {
        javaPackage = javaPackage == null ? Optional.empty() : javaPackage;
        directory = directory == null ? Optional.empty() : directory;
        groupId = groupId == null ? Optional.empty() : groupId;
        version = version == null ? Optional.empty() : version;
    }

    /** A request with the default groupId and version. */
    public ProjectRequest(String name, String template, Optional<String> javaPackage, Optional<Path> directory) {
        this(name, template, javaPackage, directory, Optional.empty(), Optional.empty());
    }
}
