package org.milkbottle.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;

class WhiteboardRuleTest {

    private static final String NS = "http://www.osgi.org/xmlns/scr/v1.3.0";

    @Test
    void aComponentOfferingAServletOutsideThePluginsPathIsNamedInAWarning() {
        List<Finding> findings = check(Map.of("Bundle-SymbolicName", "org.acme.web;singleton:=true",
                "Service-Component", "OSGI-INF/*.xml"), Map.of(
                "OSGI-INF/org.acme.web.Api.xml", component("org.acme.web.Api", "jakarta.servlet.Servlet",
                        "<property name=\"osgi.http.whiteboard.servlet.pattern\" value=\"/api/*\"/>"),
                "OSGI-INF/org.acme.web.Own.xml", component("org.acme.web.Own", "jakarta.servlet.Servlet",
                        "<property name=\"osgi.http.whiteboard.servlet.pattern\" value=\"/plugin/org.acme.web/*\"/>"),
                "OSGI-INF/org.acme.web.Two.xml", component("org.acme.web.Two", "jakarta.servlet.Servlet",
                        "<property name=\"osgi.http.whiteboard.servlet.pattern\">/plugin/org.acme.web/a\n"
                                + "  /plugin/org.acme.web/b</property>")));
        assertThat(findings).extracting(Finding::message).anySatisfy(message -> assertThat(message).contains(
                "component org.acme.web.Two", "one pattern a servlet")).noneMatch(m -> m.contains("web.Own"));
        assertThat(findings).filteredOn(finding -> finding.message().contains("web.Api")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.rule()).isEqualTo(WhiteboardRule.RULE);
                    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                    assertThat(finding.message()).contains("component org.acme.web.Api", "claims the path /api/*",
                            "serves only under /plugin/org.acme.web/");
                    assertThat(finding.location()).isEqualTo("OSGI-INF/org.acme.web.Api.xml");
                });
    }

    @Test
    void filtersAndPreprocessorsAreNamedAndAFrameworkPluginOrAJarWithoutComponentsIsNot() {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Bundle-SymbolicName", "org.acme.web",
                "Service-Component", "OSGI-INF/filter.xml,OSGI-INF/pre.xml"));
        Map<String, String> files = Map.of("OSGI-INF/filter.xml", component("F", "jakarta.servlet.Filter",
                "<property name=\"osgi.http.whiteboard.filter.pattern\" value=\"/plugin/org.acme.web/*\"/>"),
                "OSGI-INF/pre.xml", component("P", "org.osgi.service.servlet.whiteboard.Preprocessor", ""));
        assertThat(check(headers, files)).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("component F", "osgi.http.whiteboard.filter.pattern")).anySatisfy(m -> assertThat(m)
                .contains("component P", "org.osgi.service.servlet.whiteboard.Preprocessor"));
        headers.put("MilkBottle-Permissions", "framework");
        assertThat(check(headers, files)).isEmpty();
        assertThat(check(Map.of("Bundle-SymbolicName", "org.acme.web"), files)).isEmpty();
        // a description that is not XML, or declares a DTD (no entity is ever expanded), is SCR's to report
        assertThat(check(Map.of("Bundle-SymbolicName", "org.acme.web", "Service-Component", "OSGI-INF/bad.xml"),
                Map.of("OSGI-INF/bad.xml", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")))
                .isEmpty();
    }

    private static String component(String name, String service, String properties) {
        return "<?xml version=\"1.0\"?><scr:component xmlns:scr=\"" + NS + "\" name=\"" + name + "\">"
                + "<implementation class=\"" + name + "\"/>" + properties + "<service><provide interface=\"" + service
                + "\"/></service></scr:component>";
    }

    private static List<Finding> check(Map<String, String> headers, Map<String, String> files) {
        List<Finding> findings = new ArrayList<>();
        new WhiteboardRule().check(new PluginArchive() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public List<String> entryNames() {
                return List.copyOf(files.keySet());
            }

            @Override
            public byte[] read(String entryName) {
                return files.get(entryName).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public boolean isPlugin() {
                return true;
            }
        }, new Findings() {
            @Override
            public void add(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void uses(String permission, String where) {
            }
        });
        return findings;
    }
}
