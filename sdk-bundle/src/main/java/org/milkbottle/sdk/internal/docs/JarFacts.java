package org.milkbottle.sdk.internal.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads {@link PluginFacts} from a jar without running any of it: the manifest, the Declarative Services XML (its
 * commands' and health checks' properties), the Metatype XML, and the command classes' {@code @Descriptor}
 * annotations (read from the class files, {@link CommandDescriptors}). The XML comes from an untrusted jar: no
 * DOCTYPE, no external entities.
 */
final class JarFacts {

    private JarFacts() {
    }

    static PluginFacts read(Path path) throws IOException {
        try (JarFile jar = new JarFile(path.toFile(), false)) {
            Attributes main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes();
            String symbolicName = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (symbolicName == null) {
                throw new IOException("it is not a plugin: its manifest has no Bundle-SymbolicName");
            }
            Map<String, PluginFacts.Command> commands = new LinkedHashMap<>();
            List<PluginFacts.HealthCheck> healthChecks = new ArrayList<>();
            for (String component : ManifestClauses.split(main.getValue("Service-Component"))) {
                Element root = xml(jar, component);
                if (root != null) {
                    readComponent(jar, root, commands, healthChecks);
                }
            }
            List<PluginFacts.Configuration> configurations = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                    Element root = xml(jar, entry.getName());
                    if (root != null) {
                        configurations.addAll(MetatypeFacts.read(root));
                    }
                }
            }
            return new PluginFacts(ManifestClauses.head(symbolicName), value(main, "Bundle-Version", "0.0.0"),
                    value(main, "Bundle-Name", ManifestClauses.head(symbolicName)), value(main, "Bundle-Description",
                            ""), value(main, "Bundle-Vendor", ""), value(main, "Bundle-ContactAddress", ""),
                    ManifestClauses.head(value(main, "Bundle-License", "")), value(main, "Bundle-DocURL", ""),
                    value(main, "Bundle-SCM", ""), runtimeRange(main.getValue("Require-Capability")),
                    words(main.getValue("MilkBottle-Capabilities")), words(main.getValue("MilkBottle-Tags")),
                    words(main.getValue("MilkBottle-Permissions")),
                    ManifestClauses.split(main.getValue("Export-Package")).stream()
                            .map(ManifestClauses::packageWithVersion).toList(),
                    ManifestClauses.split(main.getValue("Import-Package")).stream()
                            .map(ManifestClauses::packageWithVersion).filter(p -> !p.startsWith("java.")).toList(),
                    List.copyOf(commands.values()), healthChecks, configurations);
        }
    }

    private static void readComponent(JarFile jar, Element component, Map<String, PluginFacts.Command> commands,
            List<PluginFacts.HealthCheck> healthChecks) throws IOException {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        NodeList nodes = component.getElementsByTagName("property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            List<String> values = property.hasAttribute("value") ? List.of(property.getAttribute("value"))
                    : Arrays.stream(property.getTextContent().split("\\n")).map(String::strip)
                            .filter(v -> !v.isEmpty()).toList();
            properties.put(property.getAttribute("name"), values);
        }
        List<String> scope = properties.getOrDefault("osgi.command.scope", List.of());
        List<String> functions = properties.getOrDefault("osgi.command.function", List.of());
        if (!scope.isEmpty() && !functions.isEmpty()) {
            NodeList implementation = component.getElementsByTagName("implementation");
            String className = implementation.getLength() == 0 ? null
                    : ((Element) implementation.item(0)).getAttribute("class");
            Map<String, List<PluginFacts.Form>> forms = CommandDescriptors.read(jar, className, functions);
            for (String function : functions) {
                commands.put(scope.get(0) + ":" + function, new PluginFacts.Command(scope.get(0), function,
                        forms.getOrDefault(function, List.of())));
            }
        }
        List<String> hcName = properties.getOrDefault("hc.name", List.of());
        if (!hcName.isEmpty()) {
            healthChecks.add(new PluginFacts.HealthCheck(hcName.get(0),
                    String.join(", ", properties.getOrDefault("hc.tags", List.of()))));
        }
    }

    /** The XML document at {@code name} in the jar, parsed without DOCTYPEs or external entities; null if absent. */
    static Element xml(JarFile jar, String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document document = builder.parse(in);
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(name + " is not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    private static String runtimeRange(String requireCapability) {
        for (String clause : ManifestClauses.split(requireCapability)) {
            if (ManifestClauses.head(clause).equals("milkbottle.runtime")) {
                String filter = ManifestClauses.parameter(clause, "filter:");
                return filter == null ? "any" : filter;
            }
        }
        return "";
    }

    private static List<String> words(String header) {
        return header == null ? List.of() : Arrays.stream(header.split(",")).map(String::strip)
                .filter(w -> !w.isEmpty()).toList();
    }

    private static String value(Attributes main, String header, String otherwise) {
        String value = main.getValue(header);
        return value == null ? otherwise : value.strip();
    }
}
