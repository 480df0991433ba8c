package org.milkbottle.sdk.internal.template;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code {{token}}} stands for in a template's files and file names: {@code name}, {@code groupId},
 * {@code package}, {@code packagePath}, {@code scope}, {@code Simple}, {@code title}, {@code vendor},
 * {@code contact}, {@code template}, {@code directory}, {@code version}, and the versions a generated project pins
 * ({@code bnd.version}, {@code junit.version}, …: versions.properties, filled in by the SDK's build).
 */
final class TemplateTokens {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{([A-Za-z0-9_.]+)}}");

    private final Map<String, String> values;

    private TemplateTokens(Map<String, String> values) {
        this.values = values;
    }

    static TemplateTokens of(ProjectNames names, String template, Path directory, Properties versions) {
        Map<String, String> values = new LinkedHashMap<>();
        versions.stringPropertyNames().forEach(key -> values.put(key, versions.getProperty(key)));
        values.put("name", names.name());
        values.put("groupId", names.groupId());
        values.put("package", names.javaPackage());
        values.put("packagePath", names.javaPackage().replace('.', '/'));
        values.put("scope", names.scope());
        values.put("Simple", names.simple());
        values.put("title", names.title());
        values.put("vendor", names.vendor());
        values.put("contact", names.contact());
        values.put("template", template);
        values.put("directory", directory.toString());
        values.put("version", DEFAULT_VERSION);
        return new TemplateTokens(values);
    }

    /** The project's first version, unless the request names one. */
    static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    /** The same tokens with the Maven groupId and version the request gave (null: keep the default). */
    TemplateTokens withCoordinates(String groupId, String version) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        if (groupId != null) {
            changed.put("groupId", groupId);
        }
        if (version != null) {
            changed.put("version", version);
        }
        return new TemplateTokens(changed);
    }

    /**
     * The text with every token replaced.
     *
     * @throws IOException for a token nothing stands for: a mistake in the template, reported with its file
     */
    String fill(String text, String file) throws IOException {
        Matcher matcher = TOKEN.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IOException("the template file " + file + " uses {{" + matcher.group(1) + "}}, which "
                        + "stands for nothing (known: " + String.join(", ", values.keySet()) + ")");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** A template file's path in the project: __package__ → the package's folders, dot.NAME → .NAME, tokens. */
    String path(String templatePath) throws IOException {
        String path = fill(templatePath.replace("__package__", values.get("packagePath")), templatePath);
        int slash = path.lastIndexOf('/');
        String fileName = path.substring(slash + 1);
        return fileName.startsWith("dot.") ? path.substring(0, slash + 1) + fileName.substring(3) : path;
    }
}
