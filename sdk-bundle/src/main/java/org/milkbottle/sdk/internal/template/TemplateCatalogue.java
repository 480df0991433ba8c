package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.milkbottle.sdk.api.Template;

/**
 * The templates {@code templates/catalogue.txt} lists ({@code NAME: description} or {@code NAME [JAR]: description} a
 * line, {@code #} comments).
 */
final class TemplateCatalogue {

    /** {@code NAME} or {@code NAME [JAR]}. */
    private static final Pattern NAME = Pattern.compile("([a-z][a-z0-9-]*)(?:\\s+\\[([^\\]]+)])?");

    /** The files every project gets, before its template's own. */
    static final String COMMON = "common";

    /** Where a project's plugin jar is built, unless its template says otherwise. */
    static final String DEFAULT_JAR = "target/{{name}}.jar";

    private final List<Template> templates;
    private final Map<String, String> jars;

    private TemplateCatalogue(List<Template> templates, Map<String, String> jars) {
        this.templates = List.copyOf(templates);
        this.jars = Map.copyOf(jars);
    }

    static TemplateCatalogue read(TemplateSource source) throws IOException {
        List<Template> templates = new ArrayList<>();
        Map<String, String> jars = new HashMap<>();
        for (String line : new String(source.read("catalogue.txt"), StandardCharsets.UTF_8).split("\n")) {
            line = line.strip();
            int colon = line.indexOf(':');
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (colon <= 0) {
                throw new IOException("templates/catalogue.txt: '" + line + "' is not 'NAME: description'");
            }
            Matcher name = NAME.matcher(line.substring(0, colon).strip());
            if (!name.matches()) {
                throw new IOException("templates/catalogue.txt: '" + line + "' is not 'NAME [JAR]: description'");
            }
            templates.add(new Template(name.group(1), line.substring(colon + 1).strip()));
            jars.put(name.group(1), name.group(2) == null ? DEFAULT_JAR : name.group(2));
        }
        return new TemplateCatalogue(templates, jars);
    }

    /** Where a project made from the template builds its plugin jar, relative to the project, with tokens. */
    String jar(String template) {
        return jars.getOrDefault(template, DEFAULT_JAR);
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
