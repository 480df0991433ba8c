package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.validation.api.ValidationReport;

/**
 * Keeps a plugin's provenance across updates, as Android does for apps: a new version of an installed
 * plugin must come from the source it was installed from, or be signed by the same signer as the
 * installed version. Anything else would let a local file with a marketplace plugin's name "update" it.
 * The operator can say otherwise with {@code --replace}; the deploy folder never replaces a plugin it did
 * not install.
 */
public final class UpdateContinuity {

    private final Function<String, Optional<BundleSnapshot>> installed;
    private final Function<BundleSnapshot, String> installedSigner;

    /**
     * @param installed the record of the installed plugin of a symbolic name
     * @param installedSigner the signer's subject of an installed plugin's content, or null if unsigned
     */
    public UpdateContinuity(Function<String, Optional<BundleSnapshot>> installed,
            Function<BundleSnapshot, String> installedSigner) {
        this.installed = installed;
        this.installedSigner = installedSigner;
    }

    /**
     * Whether two sources are the same place: equal, or the same Maven artifact in another version
     * ({@code mvn:g/a/1.0} and {@code mvn:g/a/1.1}), or the same plugin name with another range.
     */
    static boolean sameSource(String installed, String update) {
        return Objects.equals(installed, update) || Objects.equals(identity(installed), identity(update));
    }

    private static String identity(String source) {
        if (source == null) {
            return null;
        }
        String trimmed = source.trim();
        if (trimmed.startsWith("mvn:")) {
            String[] parts = trimmed.substring(4).split("/");
            return parts.length >= 2 ? "mvn:" + parts[0] + "/" + parts[1] : trimmed;
        }
        int at = trimmed.indexOf('@');
        return at > 0 && !trimmed.contains("/") ? trimmed.substring(0, at) : trimmed;
    }

    /** The refusals, one line each; none when every update keeps its provenance (or {@code replace}). */
    public List<String> check(Map<BundleArchive, ValidationReport> reports, String origin, boolean replace) {
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<BundleArchive, ValidationReport> entry : reports.entrySet()) {
            BundleArchive archive = entry.getKey();
            Optional<BundleSnapshot> current = installed.apply(archive.symbolicName());
            if (current.isEmpty()) {
                continue;
            }
            BundleSnapshot record = current.get();
            // even with the same content: taking it silently would make the file seem to own the plugin
            if (DeployOwnership.ORIGIN.equals(origin) && !DeployOwnership.ORIGIN.equals(record.origin())) {
                refusals.add(archive.symbolicName() + " is installed already (from " + record.source() + ", by "
                        + record.origin() + "); the deploy folder only manages plugins it installed itself. Update "
                        + "it with mb:update " + archive.symbolicName() + ", or mb:uninstall it first to let the "
                        + "deploy folder take it over, or remove " + archive.source() + ".");
                continue;
            }
            if (archive.sha256().equals(record.sha256())) {
                continue;
            }
            if (replace || sameSource(record.source(), archive.source())) {
                continue;
            }
            String signer = entry.getValue().signer();
            if (signer != null && signer.equals(installedSigner.apply(record))) {
                continue;
            }
            refusals.add(archive.symbolicName() + " " + record.version() + " was installed from " + record.source()
                    + "; " + archive.source() + " is another source"
                    + (signer == null ? " and is not signed by the same signer" : " signed by " + signer
                    + ", not by the installed version's signer") + ". An update must keep the plugin's provenance. "
                    + "If you mean to replace it, say so: mb:install --replace " + archive.source() + " (or "
                    + "mb:update --replace " + archive.symbolicName() + " " + archive.source() + ").");
        }
        return refusals;
    }
}
