package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.milkbottle.sdk.api.Template;

/** The templates {@code templates/catalogue.txt} lists ({@code NAME: description} a line, {@code #} comments). */
final class TemplateCatalogue {

    /** The files every project gets, before its template's own. */
    static final String COMMON = "common";

    private final List<Template> templates;

    private TemplateCatalogue(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    static TemplateCatalogue read(TemplateSource source) throws IOException {
        List<Template> templates = new ArrayList<>();
        for (String line : new String(source.read("catalogue.txt"), StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (colon <= 0) {
                throw new IOException("templates/catalogue.txt: '" + line + "' is not 'NAME: description'");
            }
            templates.add(new Template(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new TemplateCatalogue(templates);
    }

    List<Template> templates() {
        return templates;
    }

    Optional<Template> find(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The template names, for an error message: "basic, command". */
    String names() {
        return String.join(", ", templates.stream().map(Template::name).toList());
    }
}
