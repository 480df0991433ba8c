package org.milkbottle.validation.api;

import java.util.List;

/**
 * The result of validating one jar.
 *
 * @param subject what was validated (the file or source as given)
 * @param symbolicName the bundle's symbolic name, or {@code null} if it could not be read
 * @param version the bundle's version, or {@code null}
 * @param sha256 SHA-256 of the jar
 * @param plugin whether it is a MilkBottle plugin (requires the runtime) rather than a library
 * @param permissions the permissions the plugin declares
 * @param usedPermissions the permissions its code needs, as found by the bytecode scan
 * @param findings everything the rules found
 * @param trust {@code unsigned}, {@code trusted} or {@code untrusted} (signed by a publisher not in the trust
 *     store), or {@code invalid} (a broken or tampered signature)
 * @param signer the signing certificate's subject, or {@code null}
 * @param trustLevel how far the jar is trusted ({@link TrustLevel#label()}): {@code signed}, {@code source},
 *     {@code operator} or {@code untrusted}; {@code null} in reports written before 1.4
 * @param provenance where the jar came from and what was checked; {@code null} before 1.4
 * @since 1.4 for {@code trustLevel} and {@code provenance}
 */
public record ValidationReport(String subject, String symbolicName, String version, String sha256, boolean plugin,
        List<String> permissions, List<String> usedPermissions, List<Finding> findings, String trust, String signer,
        String trustLevel, Provenance provenance) {

    public ValidationReport {
        permissions = List.copyOf(permissions);
        usedPermissions = List.copyOf(usedPermissions);
        findings = List.copyOf(findings);
    }

    /** A report without a trust decision (as written before 1.4). */
    public ValidationReport(String subject, String symbolicName, String version, String sha256, boolean plugin,
            List<String> permissions, List<String> usedPermissions, List<Finding> findings, String trust,
            String signer) {
        this(subject, symbolicName, version, sha256, plugin, permissions, usedPermissions, findings, trust, signer,
                null, null);
    }

    /** The same report with other findings. */
    public ValidationReport withFindings(List<Finding> replaced) {
        return new ValidationReport(subject, symbolicName, version, sha256, plugin, permissions, usedPermissions,
                replaced, trust, signer, trustLevel, provenance);
    }

    /** Whether the jar may be installed: no finding of severity {@link Severity#ERROR}. */
    public boolean approved() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings that veto the install. */
    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
