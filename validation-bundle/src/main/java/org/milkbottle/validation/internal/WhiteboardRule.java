package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;
import org.milkbottle.validation.internal.rules.MetadataRule;
import org.osgi.framework.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tells a plugin's author, when the jar is validated ({@code mvn verify}, {@code mb:validate}, an install), which of
 * its Declarative Services components offer the runtime's web server a service that {@link WhiteboardConfinement}
 * keeps from it: a warning, since the plugin still works without the service. Read from the component descriptions;
 * a service registered in code is judged by {@link WhiteboardHook} when it is registered, and logged then.
 */
final class WhiteboardRule implements ValidationRule {

    static final String RULE = "web.not-served";

    @Override
    public String id() {
        return "web";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        Map<String, String> headers = archive.headers();
        String descriptions = headers.get("Service-Component");
        String symbolicName = headers.get(Constants.BUNDLE_SYMBOLICNAME);
        if (descriptions == null || symbolicName == null
                || MetadataRule.list(headers.get("MilkBottle-Permissions")).contains(Permissions.FRAMEWORK)) {
            return;
        }
        String name = symbolicName.split(";", 2)[0].strip();
        for (String entry : entries(archive, descriptions)) {
            try {
                NodeList components = parse(archive.read(entry)).getElementsByTagNameNS("*", "component");
                for (int i = 0; i < components.getLength(); i++) {
                    Element component = (Element) components.item(i);
                    Optional<String> refusal = WhiteboardConfinement.refusal(name, properties(component));
                    refusal.ifPresent(reason -> findings.add(new Finding(RULE, Severity.WARNING, "component "
                            + component.getAttribute("name") + " offers the runtime's web server a service it will not "
                            + "serve: " + reason + ". See docs/plugin-development.md, Web pages and HTTP APIs", entry)));
                }
            } catch (IOException | SAXException | ParserConfigurationException e) {
                // an unreadable description is Declarative Services' to report when the plugin starts
            }
        }
    }

    /** The entries the {@code Service-Component} header names; a {@code *} may stand in its last segment. */
    private static List<String> entries(PluginArchive archive, String header) {
        List<String> entries = new ArrayList<>();
        for (String clause : header.split(",")) {
            String path = clause.split(";", 2)[0].strip();
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            int star = path.lastIndexOf('*');
            if (star < 0) {
                if (archive.entryNames().contains(path)) {
                    entries.add(path);
                }
                continue;
            }
            int slash = path.lastIndexOf('/');
            String folder = path.substring(0, slash + 1);
            String before = path.substring(slash + 1, star);
            String after = path.substring(star + 1);
            for (String candidate : archive.entryNames()) {
                String file = candidate.startsWith(folder) ? candidate.substring(folder.length()) : null;
                if (file != null && !file.contains("/") && file.startsWith(before) && file.endsWith(after)
                        && file.length() >= before.length() + after.length()) {
                    entries.add(candidate);
                }
            }
        }
        return entries;
    }

    /** The service properties of a component description, its provided interfaces as {@code objectClass}. */
    private static Map<String, Object> properties(Element component) {
        Map<String, Object> properties = new HashMap<>();
        NodeList declared = component.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < declared.getLength(); i++) {
            Element property = (Element) declared.item(i);
            if (property.hasAttribute("value")) {
                properties.put(property.getAttribute("name"), property.getAttribute("value"));
            } else {
                // a multi-valued property: one value a line
                properties.put(property.getAttribute("name"), property.getTextContent().strip().lines()
                        .map(String::strip).filter(line -> !line.isEmpty()).toArray(String[]::new));
            }
        }
        List<String> provided = new ArrayList<>();
        NodeList provides = component.getElementsByTagNameNS("*", "provide");
        for (int i = 0; i < provides.getLength(); i++) {
            provided.add(((Element) provides.item(i)).getAttribute("interface"));
        }
        properties.put(Constants.OBJECTCLASS, provided.toArray(String[]::new));
        return properties;
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws ParserConfigurationException, SAXException,
            IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler()); // fails on a fatal error without printing it
        return builder.parse(new ByteArrayInputStream(xml));
    }
}
