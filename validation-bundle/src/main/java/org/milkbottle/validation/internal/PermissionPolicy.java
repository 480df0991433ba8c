package org.milkbottle.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Permissions;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.TrustLevel;

/**
 * Decides what a bundle may do from how far it is trusted — never from the headers it chose to carry. A
 * library (no MilkBottle runtime requirement) is held to the same rules as a plugin unless its
 * provenance was checked.
 * <ul>
 * <li>Every trust level has a ceiling: {@code untrusted} the configured {@code untrustedPermissions},
 * {@code source} and {@code operator} every permission but {@code framework}, {@code signed} all.</li>
 * <li>What the code uses must be under the ceiling ({@code trust.permission-not-allowed}), and so must
 * what it declares.</li>
 * <li>A plugin must declare what it uses ({@code permissions.undeclared}); so must any untrusted bundle —
 * an untrusted library that uses a guarded API is refused. A library whose provenance was checked is
 * granted what its code uses under the ceiling (reported as INFO).</li>
 * </ul>
 */
final class PermissionPolicy {

    /** What the operator allows without a trusted source. */
    private final Set<String> untrustedCeiling;

    PermissionPolicy(List<String> untrustedPermissions) {
        Set<String> ceiling = new LinkedHashSet<>(untrustedPermissions);
        ceiling.remove(Permissions.FRAMEWORK); // only a trusted signer can hold it, whatever the configuration says
        this.untrustedCeiling = Set.copyOf(ceiling);
    }

    /** The trust level earned by a signature verdict, the provenance and the operator's allow list. */
    static TrustLevel level(SignatureCheck.Trust signature, Provenance provenance, boolean allowedByOperator) {
        if (signature == SignatureCheck.Trust.TRUSTED) {
            return TrustLevel.SIGNED;
        }
        if (provenance.kind().trustedSource()) {
            return TrustLevel.SOURCE;
        }
        return allowedByOperator ? TrustLevel.OPERATOR : TrustLevel.UNTRUSTED;
    }

    /** The permissions a bundle of this level may hold, with what the operator allowed for this install. */
    Set<String> ceiling(TrustLevel level, Provenance provenance) {
        Set<String> ceiling = new LinkedHashSet<>(switch (level) {
            case SIGNED -> Permissions.ALL;
            case SOURCE, OPERATOR -> Permissions.ALL.stream().filter(p -> !p.equals(Permissions.FRAMEWORK)).toList();
            case UNTRUSTED -> untrustedCeiling;
        });
        provenance.allowedPermissions().stream().filter(p -> !p.equals(Permissions.FRAMEWORK)).forEach(ceiling::add);
        return ceiling;
    }

    void check(boolean plugin, TrustLevel level, Provenance provenance, List<String> declared,
            CollectedFindings collected, String sha256) {
        Set<String> ceiling = ceiling(level, provenance);
        boolean mustDeclare = plugin || level == TrustLevel.UNTRUSTED;
        List<Finding> refusals = new ArrayList<>();
        for (Map.Entry<String, String> use : collected.firstUse().entrySet()) {
            String permission = use.getKey();
            String where = use.getValue();
            if (!ceiling.contains(permission) && vouchedLibrary(plugin, level, provenance)
                    && permission.equals(Permissions.FRAMEWORK)) {
                collected.add(new Finding("trust.framework-use-vouched", Severity.WARNING, "uses " + where
                        + ", an act on the whole runtime or JVM (permission 'framework'). This library is not "
                        + "refused only because its provenance is vouched for (" + level.label() + ": "
                        + provenance.evidence() + "); the resolver and service hooks still keep it from the "
                        + "framework's privileged packages and services.", where));
            } else if (!ceiling.contains(permission)) {
                refusals.add(new Finding("trust.permission-not-allowed", Severity.ERROR, "uses " + where
                        + ", which needs permission '" + permission + "'; " + whoMayHold(permission, level, provenance)
                        + howToProceed(permission, sha256), where));
            } else if (declared.contains(permission)) {
                collected.add(new Finding("permissions.used", Severity.INFO, "uses " + where
                        + ", covered by its declared permission '" + permission + "'.", where));
            } else if (mustDeclare) {
                refusals.add(new Finding("permissions.undeclared", Severity.ERROR, "uses " + where
                        + " but does not declare permission '" + permission + "'" + (plugin ? ""
                        : " (a bundle from an untrusted source is held to the plugin rules, library or not)")
                        + ". Add it to MilkBottle-Permissions, or remove the call" + (plugin ? "."
                        : howToProceed(permission, sha256)), where));
            } else {
                collected.add(new Finding("permissions.granted", Severity.INFO, "uses " + where + " (permission '"
                        + permission + "'), granted by its provenance (" + level.label() + ": "
                        + provenance.evidence() + ").", where));
            }
        }
        for (String permission : declared) {
            if (!ceiling.contains(permission)) {
                refusals.add(new Finding("trust.permission-not-allowed", Severity.ERROR, "declares permission '"
                        + permission + "'; " + whoMayHold(permission, level, provenance) + howToProceed(permission,
                        sha256), "MilkBottle-Permissions"));
            } else if (!collected.firstUse().containsKey(permission)) {
                collected.add(new Finding("permissions.unused", Severity.INFO, "declares permission '" + permission
                        + "' that its code does not appear to use.", "MilkBottle-Permissions"));
            }
        }
        refusals.forEach(collected::add);
    }

    /**
     * A library from a trusted Maven repository or allowed by the operator: popular libraries contain
     * framework-level calls (shutdown hooks, System.exit in a main method, JDBC driver deregistration, a default
     * Authenticator) that a plugin could not have; refusing them would refuse Guava, Logback, H2 and the
     * PostgreSQL driver. A plugin never gets this, nor does a marketplace library (a third party published it).
     */
    private static boolean vouchedLibrary(boolean plugin, TrustLevel level, Provenance provenance) {
        return !plugin && (level == TrustLevel.OPERATOR
                || (level == TrustLevel.SOURCE && provenance.kind() == Provenance.Kind.TRUSTED_MAVEN));
    }

    private static String whoMayHold(String permission, TrustLevel level, Provenance provenance) {
        String is = "it is " + level.label() + " (" + describe(provenance) + ")";
        if (permission.equals(Permissions.FRAMEWORK)) {
            return "only a bundle signed by a publisher in MilkBottle's trust store may hold it, and " + is + ".";
        }
        return "a bundle that is " + level.label() + " may not hold it, and " + is + ".";
    }

    private static String describe(Provenance provenance) {
        return provenance.evidence().isBlank() ? provenance.kind().name().toLowerCase() : provenance.evidence();
    }

    /** What the operator can do about a refusal, in commands. */
    private static String howToProceed(String permission, String sha256) {
        if (permission.equals(Permissions.FRAMEWORK)) {
            return " To proceed, sign it with a certificate you trust and add that certificate with "
                    + "mb:trust-add CERTFILE.";
        }
        return " To proceed, install it from a trusted source (mb:install mvn:GROUP/ARTIFACT/VERSION from a trusted "
                + "Maven repository, or by name from a marketplace), allow this exact content with mb:trust-allow "
                + (sha256 == null ? "SHA256" : sha256) + " --reason '...', or allow just this permission for this "
                + "install with mb:install --allow-permissions " + permission + " SOURCE.";
    }
}
