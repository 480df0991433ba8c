package org.milkbottle.sdk.internal.test;

import org.milkbottle.sdk.api.PluginTestReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A test report as one line of JSON: what {@code mb:test --json} prints, and what a throwaway runtime answers. */
public final class ReportJson {

    private static final String START = "{\"plugin\":";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ReportJson() {
    }

    /** {"plugin", "version", "passed", "checks": [{"name", "passed", "detail"}]}. */
    public static String write(PluginTestReport report) {
        ObjectNode json = JSON.createObjectNode().put("plugin", report.plugin()).put("version", report.version())
                .put("passed", report.passed());
        ArrayNode checks = json.putArray("checks");
        report.checks().forEach(check -> checks.addObject().put("name", check.name()).put("passed", check.passed())
                .put("detail", check.detail()));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a test report is always serializable", e);
        }
    }

    /** The report in a runtime's output: the last line that is one; null if there is none. */
    static PluginTestReport find(String output) {
        PluginTestReport found = null;
        for (String line : output.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith(START)) {
                try {
                    found = JSON.readValue(trimmed, PluginTestReport.class);
                } catch (JsonProcessingException e) {
                    // a line that only looks like a report (a plugin printing it?) is not one
                }
            }
        }
        return found;
    }
}
