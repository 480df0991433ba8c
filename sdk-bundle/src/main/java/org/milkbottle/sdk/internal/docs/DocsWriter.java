package org.milkbottle.sdk.internal.docs;

import java.util.ArrayList;
import java.util.List;

/** A plugin's reference page, in Markdown and in HTML, from the same {@link PluginFacts}. */
final class DocsWriter {

    private DocsWriter() {
    }

    /** The page as sections of rows: the one layout both formats follow. */
    private record Section(String title, List<String[]> rows, String emptyText) {
    }

    static String markdown(PluginFacts facts) {
        StringBuilder out = new StringBuilder("# " + facts.name() + " " + facts.version() + "\n\n");
        if (!facts.description().isEmpty()) {
            out.append(facts.description()).append("\n\n");
        }
        for (Section section : sections(facts)) {
            out.append("## ").append(section.title()).append("\n\n");
            if (section.rows().isEmpty()) {
                out.append(section.emptyText()).append("\n\n");
                continue;
            }
            String[] header = section.rows().get(0);
            out.append('|').append(String.join("|", cells(header, true))).append("|\n|")
                    .append("---|".repeat(header.length)).append('\n');
            for (String[] row : section.rows().subList(1, section.rows().size())) {
                out.append('|').append(String.join("|", cells(row, true))).append("|\n");
            }
            out.append('\n');
        }
        return out.append("Made with `mb:docs` from ").append(facts.symbolicName()).append(' ')
                .append(facts.version()).append("'s jar.\n").toString();
    }

    static String html(PluginFacts facts) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(facts.name() + " " + facts.version()) + "</title>\n<style>body{font-family:"
                + "sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:"
                + "1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}</style></head><body>\n<h1>"
                + escape(facts.name() + " " + facts.version()) + "</h1>\n");
        if (!facts.description().isEmpty()) {
            out.append("<p>").append(escape(facts.description())).append("</p>\n");
        }
        for (Section section : sections(facts)) {
            out.append("<h2>").append(escape(section.title())).append("</h2>\n");
            if (section.rows().isEmpty()) {
                out.append("<p>").append(escape(section.emptyText())).append("</p>\n");
                continue;
            }
            out.append("<table><tr>");
            for (String cell : section.rows().get(0)) {
                out.append("<th>").append(escape(cell)).append("</th>");
            }
            out.append("</tr>\n");
            for (String[] row : section.rows().subList(1, section.rows().size())) {
                out.append("<tr>");
                for (String cell : row) {
                    out.append("<td>").append(escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
        return out.append("<p>Made with mb:docs from ").append(escape(facts.symbolicName() + " " + facts.version()))
                .append("'s jar.</p>\n</body></html>\n").toString();
    }

    private static List<Section> sections(PluginFacts facts) {
        List<Section> sections = new ArrayList<>();
        List<String[]> about = new ArrayList<>();
        about.add(new String[] {"", ""});
        about.add(new String[] {"Symbolic name", facts.symbolicName()});
        about.add(new String[] {"Vendor", facts.vendor()});
        about.add(new String[] {"Contact", facts.contact()});
        about.add(new String[] {"License", facts.license()});
        about.add(new String[] {"Documentation", facts.docUrl()});
        about.add(new String[] {"Source", facts.scm()});
        about.add(new String[] {"MilkBottle versions", facts.runtimeRange()});
        about.add(new String[] {"Capabilities", String.join(", ", facts.capabilities())});
        about.add(new String[] {"Tags", String.join(", ", facts.tags())});
        about.add(new String[] {"Permissions", facts.permissions().isEmpty() ? "none"
                : String.join(", ", facts.permissions())});
        about.removeIf(row -> !row[0].isEmpty() && row[1].isEmpty());
        sections.add(new Section("About", about, ""));

        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"Command", "What it does", "Arguments"});
        for (PluginFacts.Command command : facts.commands()) {
            List<PluginFacts.Form> forms = command.forms().isEmpty() ? List.of(new PluginFacts.Form("", List.of()))
                    : command.forms();
            for (PluginFacts.Form form : forms) {
                commands.add(new String[] {command.scope() + ":" + command.function(), form.description(),
                        String.join("; ", form.arguments())});
            }
        }
        sections.add(new Section("Commands", commands.size() > 1 ? commands : List.of(), "No shell commands."));

        List<String[]> configuration = new ArrayList<>();
        configuration.add(new String[] {"PID", "Key", "Type", "Default", "Allowed", "What it is"});
        for (PluginFacts.Configuration config : facts.configurations()) {
            for (PluginFacts.Attribute attribute : config.attributes()) {
                String allowed = !attribute.options().isEmpty() ? String.join(", ", attribute.options())
                        : attribute.min().isEmpty() && attribute.max().isEmpty() ? ""
                        : (attribute.min().isEmpty() ? "…" : attribute.min()) + " to "
                                + (attribute.max().isEmpty() ? "…" : attribute.max());
                configuration.add(new String[] {config.pid(), attribute.id(), attribute.type(),
                        attribute.defaultValue(), allowed, attribute.name() + (attribute.description().isEmpty() ? ""
                                : ": " + attribute.description())});
            }
        }
        sections.add(new Section("Configuration (mb:config " + facts.symbolicName() + ")",
                configuration.size() > 1 ? configuration : List.of(), "Nothing to configure."));

        List<String[]> health = new ArrayList<>();
        health.add(new String[] {"Health check (mb:health)", "Tags"});
        facts.healthChecks().forEach(check -> health.add(new String[] {check.name(), check.tags()}));
        sections.add(new Section("Health checks", health.size() > 1 ? health : List.of(), "No health checks."));

        List<String[]> packages = new ArrayList<>();
        packages.add(new String[] {"Package", "Offered or needed"});
        facts.exports().forEach(p -> packages.add(new String[] {p, "offered to other plugins"}));
        facts.imports().forEach(p -> packages.add(new String[] {p, "needed"}));
        sections.add(new Section("Packages", packages.size() > 1 ? packages : List.of(), "No packages."));
        return sections;
    }

    private static List<String> cells(String[] row, boolean markdown) {
        List<String> cells = new ArrayList<>();
        for (String cell : row) {
            cells.add(markdown ? " " + cell.replace("|", "\\|").replace("\n", " ") + " " : cell);
        }
        return cells;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
