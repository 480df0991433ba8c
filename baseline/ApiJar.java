import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Cuts the API baseline of one built bundle module: a jar holding only the packages the bundle exports, with
 * their {@code Export-Package} versions, written into {@code baseline/} as the Maven artifact
 * {@code org.milkbottle.baseline:ARTIFACT:baseline} that the build baselines the module against.
 *
 * <p>Run by {@code baseline/refresh.sh}: {@code java baseline/ApiJar.java MODULE-DIR BASELINE-REPO SOURCE}.
 * The jar is written deterministically (sorted entries, fixed times), so a refresh that changes no API changes
 * no jar.
 */
public class ApiJar {

    static final String GROUP = "org.milkbottle.baseline";
    static final String VERSION = "baseline";
    /** 2000-01-01: any fixed time; zip times before 1980 are not representable. */
    static final long ENTRY_TIME = 946_684_800_000L;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java ApiJar.java MODULE-DIR BASELINE-REPO SOURCE-DESCRIPTION");
            System.exit(2);
        }
        Path module = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        String artifactId = artifactId(module.resolve("pom.xml"));
        Path bundle = bundleJar(module.resolve("target"));
        Path folder = repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(VERSION);
        Files.createDirectories(folder);
        List<String> packages = write(bundle, folder.resolve(artifactId + "-" + VERSION + ".jar"));
        Files.writeString(folder.resolve(artifactId + "-" + VERSION + ".pom"), pom(artifactId, args[2]));
        System.out.println(artifactId + ": " + (packages.isEmpty() ? "no exported packages" : String.join(", ",
                packages)));
    }

    /** The module's own artifactId (not its parent's). */
    static String artifactId(Path pom) throws Exception {
        Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("artifactId")) {
                return element.getTextContent().trim();
            }
        }
        throw new IllegalArgumentException(pom + " has no artifactId");
    }

    /** The module's bundle: the one jar in target/ with a Bundle-SymbolicName, attached jars (tests, sources) apart. */
    static Path bundleJar(Path target) throws IOException {
        List<Path> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-tests.jar") || name.endsWith("-sources.jar") || name.endsWith("-javadoc.jar")) {
                    continue;
                }
                try (JarFile jar = new JarFile(file.toFile())) {
                    Manifest manifest = jar.getManifest();
                    if (manifest != null && manifest.getMainAttributes().getValue("Bundle-SymbolicName") != null) {
                        bundles.add(file);
                    }
                }
            }
        }
        if (bundles.size() != 1) {
            throw new IllegalStateException("expected one bundle jar in " + target + ", found " + bundles);
        }
        return bundles.get(0);
    }

    /** Writes the exported packages' entries of {@code bundle} to {@code target}; returns the packages. */
    static List<String> write(Path bundle, Path target) throws IOException {
        try (JarFile jar = new JarFile(bundle.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            String exports = main.getValue("Export-Package");
            List<String> packages = exports == null ? List.of() : packageNames(exports);
            Set<String> exported = Set.copyOf(packages);
            Manifest manifest = new Manifest();
            Attributes out = manifest.getMainAttributes();
            out.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            out.putValue("Bundle-ManifestVersion", "2");
            out.putValue("Bundle-SymbolicName", main.getValue("Bundle-SymbolicName"));
            // without bnd's build-time qualifier, so that an unchanged API gives an unchanged jar (the bundle
            // version plays no part in the check: only package versions are compared)
            out.putValue("Bundle-Version", main.getValue("Bundle-Version").replaceFirst("^(\\d+\\.\\d+\\.\\d+).*", "$1"));
            out.putValue("Bundle-Name", "API baseline of " + main.getValue("Bundle-SymbolicName"));
            if (exports != null) {
                out.putValue("Export-Package", exports);
            }
            Map<String, byte[]> entries = new TreeMap<>();
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                int slash = name.lastIndexOf('/');
                if (!entry.isDirectory() && slash > 0 && exported.contains(name.substring(0, slash).replace('/', '.'))) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        entries.put(name, in.readAllBytes());
                    }
                }
            }
            try (JarOutputStream zip = new JarOutputStream(Files.newOutputStream(target))) {
                JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
                manifestEntry.setTime(ENTRY_TIME);
                zip.putNextEntry(manifestEntry);
                manifest.write(zip);
                zip.closeEntry();
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    JarEntry copy = new JarEntry(entry.getKey());
                    copy.setTime(ENTRY_TIME);
                    zip.putNextEntry(copy);
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return packages;
        }
    }

    /**
     * The package names of an Export-Package header: clauses split at commas outside quotes; a clause names one
     * or more packages ({@code p1;p2;version=...}) before its first attribute or directive.
     */
    static List<String> packageNames(String header) {
        List<String> names = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                for (String part : clause.toString().split(";")) {
                    if (part.contains("=") || part.isBlank()) {
                        break;
                    }
                    names.add(part.trim());
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    static String pom(String artifactId, String source) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>jar</packaging>
                  <description>The exported API of %s as of %s: the baseline its package versions are checked against (docs/development.md)</description>
                </project>
                """.formatted(GROUP, artifactId, VERSION, artifactId, source);
    }
}
