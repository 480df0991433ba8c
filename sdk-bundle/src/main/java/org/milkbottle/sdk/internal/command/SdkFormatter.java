package org.milkbottle.sdk.internal.command;

import java.util.List;

import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.Template;

/** What the SDK's commands print. */
final class SdkFormatter {

    private SdkFormatter() {
    }

    static String created(GeneratedProject project) {
        String jar = project.directory().resolve(project.jar()).toString();
        return "Created " + project.name() + " from the " + project.template() + " template in " + project.directory()
                + " (" + project.files().size() + " files; Java package " + project.javaPackage() + ").\n"
                + "Next: cd " + project.directory() + " && mvn -q verify\n"
                + "then: mb:install file:" + jar;
    }

    static String templates(List<Template> templates) {
        int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Template template : templates) {
            out.append(String.format("%-" + width + "s  %s%n", template.name(), template.description()));
        }
        return out + "Make one with: mb:create NAME --template TEMPLATE";
    }
}
