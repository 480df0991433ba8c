package org.milkbottle.validation.internal.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Metadata: the headers a plugin must carry, well formed. Libraries (no MilkBottle runtime requirement)
 * are held only to what applies to any bundle: a symbolic name and a valid version.
 */
public final class MetadataRule implements ValidationRule {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*");
    private static final Pattern EMAIL = Pattern.compile("(mailto:)?[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;]+");
    private static final Pattern VERSION_ATTRIBUTE = Pattern.compile("version=\"([^\"]*)\"");
    private static final Pattern RUNTIME_FILTER = Pattern.compile(
            "milkbottle\\.runtime;\\s*filter:=\"(\\([^\"]*\\))\"");

    @Override
    public String id() {
        return "metadata";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        Map<String, String> headers = archive.headers();
        if (headers.isEmpty() && archive.entryNames().contains("META-INF/MANIFEST.MF")) {
            return; // there is a manifest, too large to read: archive.manifest-too-large says so
        }
        if (headers.isEmpty()) {
            findings.add(error("metadata.no-manifest", "The jar has no readable META-INF/MANIFEST.MF, so it is not an "
                    + "OSGi bundle. Build it with bnd (bnd-maven-plugin) or add the OSGi headers.", null));
            return;
        }
        String symbolicName = headers.get("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            findings.add(error("metadata.symbolic-name", "Bundle-SymbolicName is missing: this jar is not an OSGi "
                    + "bundle. Add it (e.g. com.example.myplugin).", "Bundle-SymbolicName"));
        } else if (!SYMBOLIC_NAME.matcher(symbolicName.split(";")[0].trim()).matches()) {
            findings.add(error("metadata.symbolic-name", "Bundle-SymbolicName '" + symbolicName + "' is not a valid "
                    + "name: use dot-separated letters, digits, '-' and '_'.", "Bundle-SymbolicName"));
        }
        String version = headers.get("Bundle-Version");
        if (version != null) {
            try {
                Version.parseVersion(version.trim());
            } catch (IllegalArgumentException e) {
                findings.add(error("metadata.version", "Bundle-Version '" + version + "' is not a semantic version "
                        + "(major.minor.micro[.qualifier]).", "Bundle-Version"));
            }
        }
        if (!archive.isPlugin()) {
            return;
        }
        if (version == null) {
            findings.add(error("metadata.version", "Bundle-Version is missing; a plugin needs a semantic version "
                    + "(major.minor.micro).", "Bundle-Version"));
        }
        for (String header : List.of("Bundle-Name", "Bundle-Description", "Bundle-Vendor", "Bundle-License")) {
            if (headers.getOrDefault(header, "").isBlank()) {
                findings.add(error("metadata.missing-header", header + " is missing; every plugin states its "
                        + "name, description, vendor, contact email and license.", header));
            }
        }
        String contact = headers.get("Bundle-ContactAddress");
        if (contact == null || contact.isBlank()) {
            findings.add(error("metadata.contact", "Bundle-ContactAddress is missing; give an email address users "
                    + "can write to.", "Bundle-ContactAddress"));
        } else if (!EMAIL.matcher(contact.trim()).matches()) {
            findings.add(error("metadata.contact", "Bundle-ContactAddress '" + contact + "' is not an email address.",
                    "Bundle-ContactAddress"));
        }
        var filter = RUNTIME_FILTER.matcher(headers.getOrDefault("Require-Capability", ""));
        if (!filter.find()) {
            findings.add(error("metadata.runtime-range", "The milkbottle.runtime requirement has no filter; give the "
                    + "runtime versions the plugin works with, e.g. [1.0,2.0).", "Require-Capability"));
        } else if (!filter.group(1).contains("version")) {
            findings.add(new Finding("metadata.runtime-range", Severity.WARNING, "The milkbottle.runtime requirement "
                    + "accepts any runtime version; state the range the plugin was built for.", "Require-Capability"));
        }
        for (String permission : list(headers.get("MilkBottle-Permissions"))) {
            if (!Permissions.ALL.contains(permission)) {
                findings.add(error("metadata.permissions", "MilkBottle-Permissions names '" + permission
                        + "', which is not a permission. Known permissions: " + String.join(", ", Permissions.ALL) + ".",
                        "MilkBottle-Permissions"));
            }
        }
        for (String header : List.of("MilkBottle-Capabilities", "MilkBottle-Tags")) {
            for (String value : list(headers.get(header))) {
                if (!value.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
                    findings.add(error("metadata.values", header + " value '" + value + "' is not a plain word "
                            + "(letters, digits, '.', '-', '_').", header));
                }
            }
        }
        String nativeCode = headers.get("Bundle-NativeCode");
        if (nativeCode != null) {
            findings.uses(Permissions.NATIVE, "the Bundle-NativeCode header");
        }
        checkRange(headers, findings);
    }

    private static void checkRange(Map<String, String> headers, Findings findings) {
        String imports = headers.getOrDefault("Import-Package", "");
        var ranges = VERSION_ATTRIBUTE.matcher(imports);
        while (ranges.find()) {
            try {
                VersionRange.valueOf(ranges.group(1));
            } catch (IllegalArgumentException e) {
                findings.add(error("metadata.version-range", "Import-Package has an invalid version range '"
                        + ranges.group(1) + "'.", "Import-Package"));
            }
        }
    }

    public static List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Finding error(String rule, String message, String location) {
        return new Finding(rule, Severity.ERROR, message, location);
    }
}
