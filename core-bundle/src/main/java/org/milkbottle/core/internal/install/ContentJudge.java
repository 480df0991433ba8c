package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;

/**
 * What the validator says about content the runtime already holds: whether stored content may be put back
 * (rollback, undo, crash recovery), and who signed an installed version (for update continuity).
 */
public final class ContentJudge {

    private final Validator validator;
    private final ArtifactStore store;

    public ContentJudge(Validator validator, ArtifactStore store) {
        this.validator = validator;
        this.store = store;
    }

    /**
     * Validates content being put back under the provenance it was approved with; null when it may go back,
     * else why not. The stored file must also still be what the state records (its SHA-256).
     */
    public String reapprove(Path artifact, BundleSnapshot snapshot) {
        ValidationReport report = validator.reapprove(artifact, snapshot.source(), "restore");
        if (snapshot.sha256() != null && !snapshot.sha256().equals(report.sha256())) {
            return "the artifact store's copy " + artifact + " was changed behind MilkBottle's back (its SHA-256 is "
                    + report.sha256() + ", the state records " + snapshot.sha256() + "), so it is not run; put the "
                    + "original file back, or install the plugin again from its source";
        }
        return report.approved() ? null : report.errors().stream().map(f -> f.message() + " [" + f.rule() + "]")
                .collect(Collectors.joining("; "));
    }

    /** The signer of an installed plugin's stored content, or null when unsigned or no longer stored. */
    public String signerOf(BundleSnapshot installed) {
        return store.find(installed.sha256()).map(path -> validator.validate(path, installed.source()).signer())
                .orElse(null);
    }
}
