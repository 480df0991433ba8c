package org.milkbottle.sdk.api;

import java.nio.file.Path;
import java.util.List;

/**
 * A project the generator made.
 *
 * @param name        the plugin's symbolic name
 * @param template    the template it was made from
 * @param javaPackage the Java package of its code
 * @param directory   its folder (absolute)
 * @param files       the files written, relative to {@code directory}, in order
 * @param jar         where {@code mvn verify} in {@code directory} puts the plugin's jar, relative to it
 */
public record GeneratedProject(String name, String template, String javaPackage, Path directory, List<String> files,
        String jar) {
}
