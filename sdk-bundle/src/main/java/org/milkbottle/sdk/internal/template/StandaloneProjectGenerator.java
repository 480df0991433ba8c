package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectGenerator;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;

/**
 * The project generator outside a framework — the Maven plugin's {@code create} goal and the archetype use it: the
 * same templates and code as {@code mb:create}, read from the SDK's jar.
 */
public final class StandaloneProjectGenerator implements ProjectGenerator {

    private final ProjectMaker maker;
    private final Path workingFolder;

    /** @param workingFolder where a project without a directory goes, and what a relative one is against */
    public StandaloneProjectGenerator(Path workingFolder) throws IOException {
        this.maker = new ProjectMaker(CodeSourceTemplateSource.ofSdk(), TemplateVersions.read());
        this.workingFolder = workingFolder;
    }

    @Override
    public List<Template> templates() {
        return maker.templates();
    }

    @Override
    public GeneratedProject create(ProjectRequest request) throws SdkException {
        return maker.create(request, workingFolder);
    }
}
