package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.milkbottle.api.MilkBottleHeaders;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginException;
import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.milkbottle.core.internal.install.BundleArchive.RequirementSpec;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Reads a bundle's manifest — never its classes — and turns it into a {@link PluginDescriptor} plus its
 * declared requirements and capabilities. Refuses, with a message a user can act on, files that are
 * not jars, jars without a manifest and jars that are not OSGi bundles.
 */
public final class ManifestDescriptorReader {

    /** Reads the archive at {@code path}, which was installed from {@code source}. */
    public BundleArchive read(Path path, String sha256, String source) {
        Manifest manifest = readManifest(path, source);
        return read(manifest.getMainAttributes(), path, sha256, source);
    }

    /** Reads the headers of an installed bundle. */
    public BundleArchive read(Dictionary<String, String> headers, String source) {
        Attributes main = new Attributes();
        for (var keys = headers.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            main.putValue(key, headers.get(key));
        }
        return read(main, null, null, source);
    }

    private BundleArchive read(Attributes main, Path path, String sha256, String source) {
        String symbolicNameHeader = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (symbolicNameHeader == null || symbolicNameHeader.isBlank()) {
            throw new PluginException(source + " is a jar but not an OSGi bundle: its manifest has no "
                    + "Bundle-SymbolicName header. Wrap it as a bundle (for example with bnd) before installing it.");
        }
        if (!"2".equals(trim(main.getValue(Constants.BUNDLE_MANIFESTVERSION)))) {
            throw new PluginException(source + " declares Bundle-ManifestVersion "
                    + main.getValue(Constants.BUNDLE_MANIFESTVERSION) + "; MilkBottle installs only OSGi R4+ bundles"
                    + " (Bundle-ManifestVersion: 2). Rebuild it with a current bundle tool.");
        }
        List<HeaderClause> bsn = parse(Constants.BUNDLE_SYMBOLICNAME, symbolicNameHeader, source);
        String symbolicName = bsn.get(0).name();
        String version = parseVersion(main.getValue(Constants.BUNDLE_VERSION), source).toString();
        List<RequirementSpec> requirements = requirements(main, source);
        String runtimeRange = requirements.stream()
                .filter(r -> RuntimeCapability.NAMESPACE.equals(r.namespace()))
                .map(r -> FilterRanges.rangeOf(r.filter(), "version"))
                .findFirst().orElse(null);
        String host = main.getValue(Constants.FRAGMENT_HOST);
        PluginDescriptor descriptor = new PluginDescriptor(symbolicName, version,
                trim(main.getValue(Constants.BUNDLE_NAME)), trim(main.getValue(Constants.BUNDLE_DESCRIPTION)),
                trim(main.getValue(Constants.BUNDLE_VENDOR)), trim(main.getValue(Constants.BUNDLE_CONTACTADDRESS)),
                trim(main.getValue("Bundle-License")), trim(main.getValue(Constants.BUNDLE_DOCURL)),
                trim(main.getValue("Bundle-SCM")), list(main.getValue(MilkBottleHeaders.CAPABILITIES)),
                list(main.getValue(MilkBottleHeaders.TAGS)), list(main.getValue(MilkBottleHeaders.PERMISSIONS)),
                runtimeRange, host == null ? null : parse(Constants.FRAGMENT_HOST, host, source).get(0).name());
        return new BundleArchive(path, sha256, source, descriptor, requirements,
                capabilities(main, symbolicName, new Version(version), source));
    }

    /** Splits a comma-separated header value into trimmed, non-empty values. */
    public static List<String> list(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Manifest readManifest(Path path, String source) {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new PluginException(source + " is a jar without META-INF/MANIFEST.MF, so it is not an OSGi "
                        + "bundle. Wrap it as a bundle (for example with bnd) before installing it.");
            }
            return manifest;
        } catch (IOException | SecurityException e) {
            throw new PluginException(source + " is not a valid jar file (" + e.getMessage()
                    + "). Check that the download or copy is complete and that it is a bundle jar.", e);
        }
    }

    private static List<RequirementSpec> requirements(Attributes main, String source) {
        List<RequirementSpec> out = new ArrayList<>();
        for (HeaderClause clause : parse(Constants.IMPORT_PACKAGE, main.getValue(Constants.IMPORT_PACKAGE), source)) {
            for (String pkg : clause.names()) {
                String range = clause.attributes().get(Constants.VERSION_ATTRIBUTE);
                String filter = "(osgi.wiring.package=" + pkg + ")";
                if (range != null) {
                    filter = "(&" + filter + parseRange(range, source).toFilterString("version") + ")";
                }
                out.add(new RequirementSpec("osgi.wiring.package", filter, clause.optional()));
            }
        }
        for (HeaderClause clause : parse(Constants.REQUIRE_BUNDLE, main.getValue(Constants.REQUIRE_BUNDLE), source)) {
            String range = clause.attributes().get(Constants.BUNDLE_VERSION_ATTRIBUTE);
            String filter = "(osgi.wiring.bundle=" + clause.name() + ")";
            if (range != null) {
                filter = "(&" + filter + parseRange(range, source).toFilterString("bundle-version") + ")";
            }
            out.add(new RequirementSpec("osgi.wiring.bundle", filter, clause.optional()));
        }
        String host = main.getValue(Constants.FRAGMENT_HOST);
        if (host != null) {
            HeaderClause clause = parse(Constants.FRAGMENT_HOST, host, source).get(0);
            out.add(new RequirementSpec("osgi.wiring.host", "(osgi.wiring.host=" + clause.name() + ")", false));
        }
        for (HeaderClause clause : parse(Constants.REQUIRE_CAPABILITY, main.getValue(Constants.REQUIRE_CAPABILITY),
                source)) {
            String effective = clause.directives().getOrDefault("effective", "resolve");
            if (!"resolve".equals(effective)) {
                continue;
            }
            for (String namespace : clause.names()) {
                out.add(new RequirementSpec(namespace, clause.directives().get("filter"), clause.optional()));
            }
        }
        return out;
    }

    private static List<CapabilitySpec> capabilities(Attributes main, String symbolicName, Version version,
            String source) {
        List<CapabilitySpec> out = new ArrayList<>();
        out.add(new CapabilitySpec("osgi.identity", Map.of("osgi.identity", symbolicName, "version", version)));
        out.add(new CapabilitySpec("osgi.wiring.bundle",
                Map.of("osgi.wiring.bundle", symbolicName, "bundle-version", version)));
        out.add(new CapabilitySpec("osgi.wiring.host",
                Map.of("osgi.wiring.host", symbolicName, "bundle-version", version)));
        for (HeaderClause clause : parse(Constants.EXPORT_PACKAGE, main.getValue(Constants.EXPORT_PACKAGE), source)) {
            Version exported = parseVersion(clause.attributes().get(Constants.VERSION_ATTRIBUTE), source);
            for (String pkg : clause.names()) {
                out.add(new CapabilitySpec("osgi.wiring.package", Map.of("osgi.wiring.package", pkg,
                        "version", exported, "bundle-symbolic-name", symbolicName, "bundle-version", version)));
            }
        }
        for (HeaderClause clause : parse(Constants.PROVIDE_CAPABILITY, main.getValue(Constants.PROVIDE_CAPABILITY),
                source)) {
            Map<String, Object> attributes = new HashMap<>();
            clause.attributes().forEach((key, value) -> attributes.put(key,
                    typed(clause.types().getOrDefault(key, "String"), value, source)));
            for (String namespace : clause.names()) {
                out.add(new CapabilitySpec(namespace, attributes));
            }
        }
        return out;
    }

    private static Object typed(String type, String value, String source) {
        try {
            return switch (type.replace(" ", "")) {
                case "Version" -> parseVersion(value, source);
                case "Long" -> Long.valueOf(value.trim());
                case "Double" -> Double.valueOf(value.trim());
                case "List<String>" -> list(value);
                case "List<Version>" -> list(value).stream().map(v -> parseVersion(v, source)).toList();
                case "List<Long>" -> list(value).stream().map(Long::valueOf).toList();
                default -> value;
            };
        } catch (NumberFormatException e) {
            // as for versions: say which value is wrong, not just "For input string"
            throw new PluginException(source + " has an invalid " + type + " value '" + value + "' in its "
                    + "Provide-Capability header (" + e.getMessage() + "). Fix the manifest and rebuild the bundle.", e);
        }
    }

    private static List<HeaderClause> parse(String header, String value, String source) {
        try {
            return HeaderParser.parse(value);
        } catch (IllegalArgumentException e) {
            throw new PluginException(source + " has a malformed " + header + " header (" + e.getMessage()
                    + "). Fix the manifest and rebuild the bundle.", e);
        }
    }

    private static Version parseVersion(String value, String source) {
        try {
            return value == null || value.isBlank() ? Version.emptyVersion : Version.parseVersion(value.trim());
        } catch (IllegalArgumentException e) {
            throw new PluginException(source + " has an invalid version '" + value + "' (" + e.getMessage()
                    + "). Versions look like 1.2.3 or 1.2.3.qualifier.", e);
        }
    }

    private static VersionRange parseRange(String value, String source) {
        try {
            return VersionRange.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new PluginException(source + " has an invalid version range '" + value + "' (" + e.getMessage()
                    + "). Ranges look like [1.0,2.0) or 1.0.", e);
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
