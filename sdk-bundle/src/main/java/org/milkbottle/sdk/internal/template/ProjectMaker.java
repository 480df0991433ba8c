package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.ProjectRequest;
import org.milkbottle.sdk.api.SdkException;
import org.milkbottle.sdk.api.Template;

/** Makes a project: checks the request, fills the template's files in, writes them all or nothing. */
final class ProjectMaker {

    private final TemplateSource source;
    private final TemplateCatalogue catalogue;
    private final Properties versions;

    ProjectMaker(TemplateSource source, Properties versions) throws IOException {
        this.source = source;
        this.catalogue = TemplateCatalogue.read(source);
        this.versions = versions;
    }

    List<Template> templates() {
        return catalogue.templates();
    }

    /** @param workingFolder where a project without a {@code directory} goes, and what a relative one is against */
    GeneratedProject create(ProjectRequest request, Path workingFolder) throws SdkException {
        String templateName = request.template() == null || request.template().isBlank() ? "basic"
                : request.template().strip();
        Template template = catalogue.find(templateName).orElseThrow(() -> new SdkException("There is no template '"
                + templateName + "'; the templates are " + catalogue.names() + " (mb:templates describes them)."));
        ProjectNames names = ProjectNames.of(request.name() == null ? null : request.name().strip(),
                request.javaPackage());
        Path directory = workingFolder.resolve(request.directory().orElse(Path.of(names.name()))).toAbsolutePath()
                .normalize();
        TemplateTokens tokens = TemplateTokens.of(names, template.name(), directory, versions)
                .withCoordinates(coordinate(request.groupId(), "groupId"), coordinate(request.version(), "version"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String folder : List.of(TemplateCatalogue.COMMON, template.name())) {
                for (String file : source.files(folder)) {
                    String text = new String(source.read(folder + "/" + file), StandardCharsets.UTF_8);
                    files.put(tokens.path(file), tokens.fill(text, folder + "/" + file).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new SdkException("The template '" + template.name() + "' is broken (" + e.getMessage()
                    + "); nothing was written. Please report this.", e);
        }
        String jar;
        try {
            jar = tokens.fill(catalogue.jar(template.name()), "catalogue.txt");
        } catch (IOException e) {
            throw new SdkException("The template catalogue is broken (" + e.getMessage() + "); nothing was written. "
                    + "Please report this.", e);
        }
        ProjectWriter.write(directory, files);
        return new GeneratedProject(names.name(), template.name(), names.javaPackage(), directory,
                List.copyOf(files.keySet()), jar);
    }

    private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** A Maven groupId or version as given, checked: it goes into pom.xml files as it is. */
    private static String coordinate(Optional<String> value, String what) throws SdkException {
        if (value.isEmpty() || value.get().isBlank()) {
            return null;
        }
        String given = value.get().strip();
        if (!COORDINATE.matcher(given).matches()) {
            throw new SdkException("'" + given + "' is not a Maven " + what + ": use letters, digits, '.', '-' and '_'. "
                    + "Nothing was written.");
        }
        return given;
    }
}
