package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.List;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;

/**
 * The pipeline's validation step: every archive of a request through the validator (which records
 * each decision in the audit log), before anything is installed.
 */
public final class ValidationStep {

    private final Validator validator;

    public ValidationStep(Validator validator) {
        this.validator = validator;
    }

    /**
     * Validates every archive.
     *
     * @param force accept matching advisories ({@code mb:install --force}); nothing else is forced
     * @param warnings receives the warnings, one line each
     * @return the errors, one line each; any error vetoes the request
     */
    public List<String> check(List<BundleArchive> archives, String origin, boolean force, List<String> warnings) {
        List<String> vetoes = new ArrayList<>();
        for (BundleArchive archive : archives) {
            ValidationReport report = validator.approve(archive.path(), archive.source(), origin, force);
            for (Finding finding : report.findings()) {
                String line = archive.symbolicName() + " " + archive.version() + " " + finding.message() + " ["
                        + finding.rule() + "]";
                if (finding.severity() == Severity.ERROR) {
                    vetoes.add(line);
                } else if (finding.severity() == Severity.WARNING) {
                    warnings.add(line);
                }
            }
        }
        return vetoes;
    }
}
