package org.milkbottle.sdk.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.milkbottle.sdk.api.DevUpdate;
import org.milkbottle.sdk.api.DevWatch;
import org.milkbottle.sdk.api.GeneratedProject;
import org.milkbottle.sdk.api.PackagedPlugin;
import org.milkbottle.sdk.api.PluginTestReport;
import org.milkbottle.sdk.api.PublishReceipt;
import org.milkbottle.sdk.api.Template;

/** What the SDK's commands print. */
final class SdkFormatter {

    private SdkFormatter() {
    }

    static String created(GeneratedProject project) {
        String jar = project.directory().resolve(project.jar()).toString();
        return "Created " + project.name() + " from the " + project.template() + " template in " + project.directory()
                + " (" + project.files().size() + " files; Java package " + project.javaPackage() + ").\n"
                + "Next: cd " + project.directory() + " && mvn -q verify\n"
                + "then: mb:install file:" + jar;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    /** Updates shown per project. */
    private static final int SHOWN = 5;

    static String watching(DevWatch watch) {
        return "Watching " + watch.directory() + ": every jar its build writes to target/ is validated and installed "
                + "(its jar now, if built already). mb:dev shows the results; mb:dev --stop " + watch.directory()
                + " ends it.";
    }

    static String watches(List<DevWatch> watches) {
        if (watches.isEmpty()) {
            return "No project is watched; start with mb:dev DIR.";
        }
        StringBuilder out = new StringBuilder();
        for (DevWatch watch : watches) {
            out.append(watch.directory()).append('\n');
            List<DevUpdate> updates = watch.updates();
            if (updates.isEmpty()) {
                out.append("  no jar taken up yet; build it (mvn -q verify)\n");
            }
            for (DevUpdate update : updates.subList(Math.max(0, updates.size() - SHOWN), updates.size())) {
                out.append("  ").append(TIME.format(update.at())).append("  ")
                        .append(update.installed() ? update.version() + " " + update.message()
                                : "refused, the version before keeps running: " + update.message())
                        .append(" (").append(update.millisFromWrite()).append(" ms after the jar was written)\n");
            }
            List<Long> installs = updates.stream().filter(DevUpdate::installed).map(DevUpdate::millisFromWrite)
                    .sorted().toList();
            if (!installs.isEmpty()) {
                out.append("  jar written -> installed: median ").append(installs.get(installs.size() / 2))
                        .append(" ms, p90 ").append(installs.get(installs.size() * 9 / 10)).append(" ms, max ")
                        .append(installs.get(installs.size() - 1)).append(" ms over ").append(installs.size())
                        .append(" update(s)\n");
            }
        }
        return out.toString().stripTrailing();
    }

    static String packaged(PackagedPlugin plugin) {
        return "Packaged " + plugin.name() + " " + plugin.version() + ": " + plugin.jar() + ", signed by "
                + plugin.signer() + " and verified; SHA-256 " + plugin.sha256() + " (in " + plugin.jar().getFileName()
                + ".sha256).\nNext: mb:publish " + plugin.jar();
    }

    static String documented(List<java.nio.file.Path> pages) {
        StringBuilder out = new StringBuilder("Wrote the plugin's reference:\n");
        pages.forEach(page -> out.append("  ").append(page).append('\n'));
        return out.toString().stripTrailing();
    }

    static String published(PublishReceipt receipt) {
        StringBuilder out = new StringBuilder("Published " + receipt.name() + " " + receipt.version() + " to "
                + receipt.marketplace() + " (SHA-256 " + receipt.sha256() + ").\n");
        receipt.findings().forEach(f -> out.append("  ").append(f).append('\n'));
        return out + "Install it on a runtime that uses this marketplace: mb:install " + receipt.name();
    }

    static String templates(List<Template> templates) {
        int width = templates.stream().mapToInt(t -> t.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Template template : templates) {
            out.append(String.format("%-" + width + "s  %s%n", template.name(), template.description()));
        }
        return out + "Make one with: mb:create NAME --template TEMPLATE";
    }

    /** mb:test's report: a verdict line, then PASS/FAIL per check. */
    static String tested(PluginTestReport report) {
        long passed = report.checks().stream().filter(PluginTestReport.Check::passed).count();
        StringBuilder text = new StringBuilder(report.plugin() + " " + report.version() + ": "
                + (report.passed() ? "PASSED" : "FAILED") + " (" + passed + " of " + report.checks().size()
                + " checks passed)");
        int width = report.checks().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (PluginTestReport.Check check : report.checks()) {
            text.append("\n  ").append(check.passed() ? "PASS" : "FAIL").append("  ")
                    .append(String.format("%-" + width + "s", check.name())).append("  ").append(check.detail());
        }
        return text.toString();
    }
}
