package org.milkbottle.sdk.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes plugin projects from templates: a Maven project with bnd, full plugin metadata, a unit test, a README and a
 * CHANGELOG, whose {@code mvn verify} builds a jar that passes MilkBottle's validation and installs ACTIVE.
 */
@ProviderType
public interface ProjectGenerator {

    /** The templates, in the order {@code mb:templates} lists them. */
    List<Template> templates();

    /**
     * Writes a new project.
     *
     * @throws SdkException for an invalid name or package, an unknown template, a folder that exists already, or a
     *                      folder that cannot be written; nothing is left behind then
     */
    GeneratedProject create(ProjectRequest request) throws SdkException;
}
