package org.milkbottle.maven;

import java.io.File;
import java.util.Set;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.internal.StandaloneValidator;

/**
 * Validates the plugin's jar offline with the runtime's own validator — the rules {@code mb:validate} and every
 * install apply to an untrusted local file — and fails the build on a refusal, naming the rule.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The plugin's jar. */
    @Parameter(property = "milkbottle.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    File jar;

    /** Fail the build on warnings too, not only on what would veto an install. */
    @Parameter(property = "milkbottle.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /**
     * Permissions the plugin may hold beyond what a local file may ({@code network}, {@code file-write}): those it will
     * get from a trusted source (a marketplace, a signature the operator trusts). Their findings become warnings,
     * as {@code mb:install --allow-permissions} does; every other finding stays what it is.
     */
    @Parameter(property = "milkbottle.allowPermissions")
    String allowPermissions;

    /** Skip MilkBottle's checks: this validation and the in-framework test. */
    @Parameter(property = "milkbottle.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("MilkBottle validation skipped (milkbottle.skip)");
            return;
        }
        ValidationReport report = allowing(validate(jar), allowPermissions);
        for (Finding finding : report.findings()) {
            String line = FindingLines.of(finding);
            switch (finding.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                default -> getLog().info(line);
            }
        }
        if (!report.approved()) {
            Finding first = report.errors().get(0);
            throw new MojoFailureException(jar.getName() + " would be refused by MilkBottle: " + FindingLines.of(first)
                    + (report.errors().size() > 1 ? " (and " + (report.errors().size() - 1) + " more error(s) above)"
                            : "") + ". Fix the plugin, or see docs/plugin-development.md for the rule.");
        }
        long warnings = report.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (failOnWarning && warnings > 0) {
            throw new MojoFailureException(jar.getName() + " has " + warnings
                    + " warning(s) (above) and milkbottle.failOnWarning is set.");
        }
        getLog().info(jar.getName() + ": " + report.symbolicName() + " " + report.version() + " passes MilkBottle's "
                + "validation with " + report.findings().size() + " finding(s)");
    }

    /** Rule of a permission that the plugin's trust does not allow: what a trusted source would allow. */
    static final String NOT_ALLOWED = "trust.permission-not-allowed";

    /** The report with the findings of the named permissions' being not allowed made warnings. */
    static ValidationReport allowing(ValidationReport report, String permissions) {
        if (permissions == null || permissions.isBlank()) {
            return report;
        }
        Set<String> allowed = Set.of(permissions.strip().split("\\s*,\\s*"));
        return report.withFindings(report.findings().stream().map(f -> f.rule().equals(NOT_ALLOWED)
                && allowed.stream().anyMatch(p -> f.message().contains("permission '" + p + "'"))
                        ? new Finding(f.rule(), Severity.WARNING, f.message(), f.location()) : f).toList());
    }

    /** The validator's report on a jar that must exist. */
    static ValidationReport validate(File jar) throws MojoFailureException {
        if (jar == null || !jar.isFile()) {
            throw new MojoFailureException("There is no plugin jar at " + jar + ": build it first (mvn package), or "
                    + "name it with -Dmilkbottle.jar=FILE.");
        }
        return StandaloneValidator.create().validate(jar.toPath(), jar.getName());
    }
}
