package org.milkbottle.core.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.milkbottle.api.ConfigurationSchema;
import org.milkbottle.api.Dependency;
import org.milkbottle.api.HealthReport;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.InstallResult;
import org.milkbottle.api.PlannedChange;
import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.api.PluginDetails;
import org.milkbottle.api.PluginInfo;
import org.milkbottle.api.PluginUpdate;
import org.milkbottle.api.Transaction;

/** Renders plugin manager results as text for the shell. */
final class PluginFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private PluginFormatter() {
    }

    static String list(List<PluginInfo> plugins, boolean all) {
        if (plugins.isEmpty()) {
            return "No plugins installed. Install one with mb:install FILE|URL|mvn:group/artifact/version"
                    + " or drop a jar into the deploy folder.\n";
        }
        Table table = all ? new Table("ID", "NAME", "VERSION", "STATE", "HEALTH", "KIND", "SOURCE")
                : new Table("ID", "NAME", "VERSION", "STATE", "HEALTH", "SOURCE");
        for (PluginInfo p : plugins) {
            if (all) {
                table.row(p.bundleId(), p.symbolicName(), p.version(), p.state(), p.health(), p.kind(), p.source());
            } else {
                table.row(p.bundleId(), p.symbolicName(), p.version(), p.state(), p.health(), p.source());
            }
        }
        return table.toString();
    }

    static String details(PluginDetails details) {
        PluginDescriptor d = details.descriptor();
        PluginInfo info = details.info();
        StringBuilder out = new StringBuilder();
        out.append(d.name() == null ? d.symbolicName() : d.name()).append(" (").append(d.symbolicName()).append(' ')
                .append(d.version()).append(")\n");
        field(out, "Description", d.description());
        field(out, "Vendor", d.vendor());
        field(out, "Contact", d.contact());
        field(out, "License", d.license());
        field(out, "Documentation", d.docUrl());
        field(out, "Source code", d.scm());
        field(out, "Capabilities", String.join(", ", d.capabilities()));
        field(out, "Tags", String.join(", ", d.tags()));
        field(out, "Permissions", String.join(", ", d.permissions()));
        field(out, "Kind", info.kind());
        field(out, "State", info.state() + " (bundle " + info.bundleId() + ")");
        field(out, "Source", info.source());
        field(out, "Runtime", d.runtimeRange() == null ? "no MilkBottle runtime requirement (a library)"
                : "needs MilkBottle " + d.runtimeRange() + "; this runtime is " + details.runtimeVersion());
        if (d.fragmentHost() != null) {
            field(out, "Fragment of", d.fragmentHost());
        }
        out.append("Dependencies:\n");
        if (details.dependencies().isEmpty()) {
            out.append("  (none)\n");
        }
        for (Dependency dep : details.dependencies()) {
            out.append("  ").append(dep.requirement()).append(dep.optional() ? " (optional)" : "").append(" <- ")
                    .append(dep.provider() == null ? (dep.optional() ? "not wired" : "UNRESOLVED") : dep.provider())
                    .append('\n');
        }
        out.append("Commands:\n");
        if (details.commands().isEmpty()) {
            out.append("  (none").append("ACTIVE".equals(info.state()) ? ")" : " while not active)").append('\n');
        }
        details.commands().forEach(c -> out.append("  ").append(c).append('\n'));
        out.append("Configuration:\n");
        if (details.configurations().isEmpty()) {
            out.append("  (no configuration schema)\n");
        }
        details.configurations().forEach(s -> out.append(indent(config(s))));
        out.append(health(details.health()));
        return out.toString();
    }

    static String config(ConfigurationSchema schema) {
        StringBuilder out = new StringBuilder();
        out.append(schema.name() == null ? schema.pid() : schema.name()).append(" [").append(schema.pid()).append("]");
        if (schema.description() != null && !schema.description().isBlank()) {
            out.append(" - ").append(schema.description());
        }
        out.append('\n');
        Table table = new Table("KEY", "TYPE", "VALUE", "DEFAULT", "REQUIRED", "OPTIONS", "DESCRIPTION");
        for (ConfigurationSchema.Attribute a : schema.attributes()) {
            table.row(a.id(), a.type(), a.value() == null ? "(default)" : a.value(), a.defaultValue(),
                    a.required() ? "yes" : "no", String.join("|", a.options()), a.description());
        }
        out.append(table);
        return out.toString();
    }

    static String health(HealthReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Health: ").append(report.status()).append('\n');
        for (HealthReport.Check check : report.checks()) {
            out.append("  ").append(check.status()).append("  ").append(check.name());
            if (check.message() != null && !check.message().isBlank()) {
                out.append(" - ").append(check.message());
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String healthAll(List<HealthReport> reports) {
        if (reports.isEmpty()) {
            return "No plugins installed.\n";
        }
        Table table = new Table("NAME", "HEALTH", "CHECKS");
        for (HealthReport r : reports) {
            table.row(r.symbolicName(), r.status(), r.checks().stream()
                    .map(c -> c.name() + "=" + c.status()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return table.toString();
    }

    static String plan(InstallPlan plan) {
        StringBuilder out = new StringBuilder("Plan:\n");
        for (PlannedChange c : plan.changes()) {
            out.append("  ").append(c.action().name().toLowerCase()).append(' ').append(c.symbolicName());
            switch (c.action()) {
                case INSTALL -> out.append(' ').append(c.toVersion());
                case UPDATE -> out.append(' ').append(c.fromVersion()).append(" -> ").append(c.toVersion());
                case UNCHANGED -> out.append(' ').append(c.fromVersion()).append(" (same content)");
                case UNINSTALL -> out.append(' ').append(c.fromVersion());
                default -> { }
            }
            if (c.source() != null && c.action() != PlannedChange.Action.UNINSTALL) {
                out.append("  from ").append(c.source());
            }
            out.append('\n');
        }
        if (!plan.problems().isEmpty()) {
            out.append("Problems (the install would be refused):\n");
            plan.problems().forEach(p -> out.append("  ").append(p).append('\n'));
        }
        return out.toString();
    }

    static String outdated(List<PluginUpdate> updates) {
        if (updates.isEmpty()) {
            return "Every plugin installed by name is up to date.\n";
        }
        Table table = new Table("NAME", "INSTALLED", "AVAILABLE");
        updates.forEach(u -> table.row(u.symbolicName(), u.installedVersion(), u.availableVersion()));
        return table + "Update them all with mb:update --all (one transaction; mb:rollback undoes it).\n";
    }

    /** An update; one that found nothing newer says so instead of "Updated". */
    static String updated(InstallResult result) {
        return unchanged(result) ? sameAsBefore(result, " is already up to date (", ").\n")
                : result("Updated", result);
    }

    /** An install; the same content again says so instead of "Installed". */
    static String installed(InstallResult result) {
        return unchanged(result) ? sameAsBefore(result, " ", " is already installed with this content; nothing was "
                + "changed.\n") : result("Installed", result);
    }

    private static boolean unchanged(InstallResult result) {
        return result.transactionId() == 0 && !result.plan().changes().isEmpty()
                && result.plan().changes().stream().allMatch(c -> c.action() == PlannedChange.Action.UNCHANGED);
    }

    private static String sameAsBefore(InstallResult result, String between, String after) {
        StringBuilder out = new StringBuilder();
        result.plan().changes().forEach(c -> out.append(c.symbolicName()).append(between).append(c.fromVersion())
                .append(after));
        result.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        return out.toString();
    }

    static String result(String verb, InstallResult result) {
        StringBuilder out = new StringBuilder();
        out.append(plan(result.plan()));
        for (PluginInfo p : result.plugins()) {
            out.append(verb).append(' ').append(p.symbolicName()).append(' ').append(p.version()).append(": ")
                    .append(p.state()).append('\n');
        }
        result.warnings().forEach(w -> out.append("Warning: ").append(w).append('\n'));
        if (result.transactionId() > 0) {
            out.append("Transaction #").append(result.transactionId()).append(" (undo with mb:rollback ")
                    .append(result.transactionId()).append(")\n");
        }
        return out.toString();
    }

    static String history(List<Transaction> history) {
        if (history.isEmpty()) {
            return "No transactions yet.\n";
        }
        Table table = new Table("ID", "TIME", "ACTION", "STATUS", "ORIGIN", "SUBJECT", "RESULT");
        for (Transaction t : history) {
            table.row(t.id(), TIME.format(t.time()), t.action(), t.status(), t.origin(), t.subject(),
                    firstLine(t.message()));
        }
        return table.toString();
    }

    static String info(PluginInfo p) {
        return p.symbolicName() + " " + p.version() + ": " + p.state() + "\n";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append(String.format("%-15s%s%n", name + ":", value));
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l + "\n").reduce("", String::concat);
    }
}
