package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.internal.store.VersionRow;
import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.Version;

/**
 * What the marketplace stores about a version, read from the manifest of a jar the validator approved
 * (so the manifest is known to be well formed and of sane size).
 */
final class JarMetadata {

    private static final Pattern RUNTIME_FILTER = Pattern.compile("milkbottle\\.runtime\\s*;[^,]*?filter:=\"([^\"]*)\"");

    private JarMetadata() {
    }

    static VersionRow read(Path jar, String sha256, ValidationReport report) throws IOException {
        Attributes main;
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            main = file.getManifest().getMainAttributes();
        }
        String requirements = main.getValue("Require-Capability");
        Matcher runtime = RUNTIME_FILTER.matcher(requirements == null ? "" : requirements);
        List<String> validation = report.findings().stream()
                .map(f -> f.severity() + " " + f.rule() + ": " + f.message()).toList();
        return new VersionRow(report.symbolicName(), Version.parseVersion(report.version()).toString(),
                sha256, Files.size(jar), Instant.now(), value(main, "Bundle-Name"), value(main, "Bundle-Description"),
                value(main, "Bundle-Vendor"), value(main, "Bundle-License"), value(main, "Bundle-ContactAddress"),
                value(main, "Bundle-DocURL"), value(main, "Bundle-SCM"), words(main.getValue("MilkBottle-Tags")),
                words(main.getValue("MilkBottle-Capabilities")), report.permissions(),
                runtime.find() ? runtime.group(1) : null, dependencies(main), validation);
    }

    /** Package and capability requirements, one line each, for people to read. */
    private static List<String> dependencies(Attributes main) {
        List<String> out = new ArrayList<>();
        for (String clause : clauses(main.getValue("Import-Package"))) {
            out.add("package " + clause);
        }
        for (String clause : clauses(main.getValue("Require-Bundle"))) {
            out.add("bundle " + clause);
        }
        for (String clause : clauses(main.getValue("Require-Capability"))) {
            if (!clause.startsWith("osgi.ee") && !clause.startsWith("osgi.extender")) {
                out.add("capability " + clause);
            }
        }
        return out;
    }

    /** Splits a header at commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().trim());
        }
        return out;
    }

    private static List<String> words(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String value(Attributes main, String name) {
        String value = main.getValue(name);
        return value == null ? null : value.trim();
    }
}
