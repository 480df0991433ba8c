package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectGenerator;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The {@link ProjectGenerator} over the templates inside this bundle; relative folders are the runtime's. */
@Component
public class ProjectGeneratorImpl implements ProjectGenerator {

    private final ProjectMaker maker;

    @Activate
    public ProjectGeneratorImpl(BundleContext context) throws IOException {
        this.maker = new ProjectMaker(new BundleTemplateSource(context.getBundle()), TemplateVersions.read());
    }

    @Override
    public List<Template> templates() {
        return maker.templates();
    }

    @Override
    public GeneratedProject create(ProjectRequest request) throws SdkException {
        return maker.create(request, Path.of(System.getProperty("user.dir")));
    }
}
