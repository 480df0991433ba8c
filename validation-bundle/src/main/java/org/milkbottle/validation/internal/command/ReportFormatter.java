package org.milkbottle.validation.internal.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.internal.AuditLog;

/** Renders validation reports and the audit log as text (the trust commands have {@link TrustFormatter}). */
final class ReportFormatter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ReportFormatter() {
    }

    static String report(ValidationReport report, boolean verbose) {
        StringBuilder out = new StringBuilder();
        out.append(report.subject()).append(": ").append(report.approved() ? "APPROVED" : "REFUSED").append('\n');
        if (report.symbolicName() != null) {
            out.append("  bundle       ").append(report.symbolicName()).append(' ').append(report.version())
                    .append(report.plugin() ? " (plugin)" : " (library)").append('\n');
        }
        out.append("  sha-256      ").append(report.sha256()).append('\n');
        out.append("  signature    ").append(report.trust()).append(report.signer() == null ? ""
                : " (" + report.signer() + ")").append('\n');
        if (report.trustLevel() != null) {
            out.append("  trust        ").append(report.trustLevel()).append(report.provenance() == null ? ""
                    : " — " + report.provenance().evidence()).append('\n');
        }
        out.append("  declares     ").append(report.permissions().isEmpty() ? "no permissions"
                : String.join(", ", report.permissions())).append('\n');
        out.append("  code uses    ").append(report.usedPermissions().isEmpty() ? "no guarded APIs"
                : String.join(", ", report.usedPermissions())).append('\n');
        for (Finding finding : report.findings()) {
            if (verbose || finding.severity() != Severity.INFO) {
                out.append("  ").append(String.format("%-8s", finding.severity())).append(finding.rule()).append(": ")
                        .append(finding.message()).append('\n');
            }
        }
        return out.toString();
    }

    static String audit(List<AuditLog.Entry> entries) {
        if (entries.isEmpty()) {
            return "No install decisions recorded yet.\n";
        }
        StringBuilder out = new StringBuilder();
        for (AuditLog.Entry entry : entries) {
            ValidationReport report = entry.report();
            out.append(TIME.format(entry.time())).append("  ").append(entry.approved() ? "APPROVED" : "VETOED  ")
                    .append("  ").append(entry.origin()).append("  ").append(report.symbolicName()).append(' ')
                    .append(report.version()).append("  sha-256 ").append(report.sha256())
                    .append(report.trustLevel() == null ? "" : "  trust " + report.trustLevel()
                            + (report.provenance() == null ? "" : " (" + report.provenance().evidence() + ")"))
                    .append('\n');
            for (Finding finding : report.errors()) {
                out.append("    ").append(finding.rule()).append(": ").append(finding.message()).append('\n');
            }
        }
        return out.toString();
    }
}
