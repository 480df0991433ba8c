package org.milkbottle.sdk.internal.docs;

import java.util.List;

/** What a plugin's jar says about itself, as its reference documentation shows it. */
record PluginFacts(String symbolicName, String version, String name, String description, String vendor,
        String contact, String license, String docUrl, String scm, String runtimeRange, List<String> capabilities,
        List<String> tags, List<String> permissions, List<String> exports, List<String> imports,
        List<Command> commands, List<HealthCheck> healthChecks, List<Configuration> configurations) {

    /** One shell command; a function may have several forms (overloads). */
    record Command(String scope, String function, List<Form> forms) {
    }

    /** A form of a command: what it does and its arguments' descriptions (empty when not described). */
    record Form(String description, List<String> arguments) {
    }

    record HealthCheck(String name, String tags) {
    }

    record Configuration(String pid, String name, String description, List<Attribute> attributes) {
    }

    record Attribute(String id, String name, String type, String defaultValue, String min, String max,
            List<String> options, String description) {
    }
}
