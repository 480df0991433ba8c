package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milkbottle.api.InstallRequest;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;

/**
 * The pipeline's validation step: every archive of a request through the validator (which records
 * each decision in the audit log), before anything is installed. Each archive is judged by the
 * provenance its fetch established; a jar dropped into the deploy folder counts as such, whatever path
 * it has.
 */
public final class ValidationStep {


    private final Validator validator;
    private final UpdateContinuity continuity;
    private final Map<BundleArchive, ValidationReport> reports = new LinkedHashMap<>();

    public ValidationStep(Validator validator, UpdateContinuity continuity) {
        this.validator = validator;
        this.continuity = continuity;
    }

    /**
     * Validates every archive of a request and checks that updates keep their plugin's provenance.
     *
     * @return the errors, one line each; any error vetoes the request
     */
    public List<String> check(List<BundleArchive> archives, String origin, InstallRequest request,
            List<String> warnings) {
        List<String> vetoes = check(archives, origin, request.force(), request.allowPermissions(), warnings);
        vetoes.addAll(continuityVetoes(origin, request.replace()));
        return vetoes;
    }

    /**
     * What the plugins installed already refuse of the archives checked last (another source, another signer): not
     * part of a jar's own report, which {@code mb:validate} shows.
     */
    public List<String> continuityVetoes(String origin, boolean replace) {
        return continuity.check(reports, origin, replace);
    }

    /**
     * What {@link #check(List, String, InstallRequest, List)} would refuse, recording nothing (a simulation).
     *
     * @return the errors, one line each
     */
    public List<String> preview(List<BundleArchive> archives, String origin, InstallRequest request) {
        List<String> vetoes = new ArrayList<>();
        for (BundleArchive archive : archives) {
            ValidationReport report = validator.validate(archive.path(),
                    provenance(archive, origin).allowing(request.allowPermissions()));
            reports.put(archive, report);
            report.errors().forEach(f -> vetoes.add(line(archive, f)));
        }
        vetoes.addAll(continuity.check(reports, origin, request.replace()));
        return vetoes;
    }

    /**
     * Validates every archive.
     *
     * @param force accept matching advisories ({@code mb:install --force}); nothing else is forced
     * @param allowPermissions permissions the operator allowed for this request ({@code --allow-permissions})
     * @param warnings receives the warnings, one line each
     * @return the errors, one line each; any error vetoes the request
     */
    public List<String> check(List<BundleArchive> archives, String origin, boolean force,
            List<String> allowPermissions, List<String> warnings) {
        List<String> vetoes = new ArrayList<>();
        for (BundleArchive archive : archives) {
            ValidationReport report = validator.approve(archive.path(), provenance(archive, origin).allowing(
                    allowPermissions),
                    allowPermissions.isEmpty() ? origin : origin + " --allow-permissions "
                            + String.join(",", allowPermissions), force);
            reports.put(archive, report);
            for (Finding finding : report.findings()) {
                if (finding.severity() == Severity.ERROR) {
                    vetoes.add(line(archive, finding));
                } else if (finding.severity() == Severity.WARNING) {
                    warnings.add(line(archive, finding));
                }
            }
        }
        return vetoes;
    }

    /** A jar dropped into the deploy folder counts as such, whatever path it has. */
    private static Provenance provenance(BundleArchive archive, String origin) {
        Provenance provenance = archive.provenance();
        if (DeployOwnership.ORIGIN.equals(origin) && provenance.kind() == Provenance.Kind.FILE) {
            return new Provenance(Provenance.Kind.DEPLOY_FOLDER, provenance.source(), "dropped into the deploy folder: "
                    + "its source vouches for nothing", List.of());
        }
        return provenance;
    }

    private static String line(BundleArchive archive, Finding finding) {
        return archive.symbolicName() + " " + archive.version() + " " + finding.message() + " [" + finding.rule() + "]";
    }

    /** The validator's report on each archive checked so far. */
    public Map<BundleArchive, ValidationReport> reports() {
        return reports;
    }
}
