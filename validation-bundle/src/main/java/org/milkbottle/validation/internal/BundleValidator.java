package org.milkbottle.validation.internal;

import java.nio.file.Path;

import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.Bundle;

/** What the veto guard needs from the validator (an internal service of this bundle). */
public interface BundleValidator {

    /** Validates an installed bundle through the Bundle API, as coming from {@code provenance}, and records the decision. */
    ValidationReport approveInstalled(Bundle bundle, Provenance provenance, String origin);

    /**
     * Records in the audit log that a bundle installed by the program embedding the framework was approved
     * without validation, as the start-up bundles are.
     */
    void recordEmbedderInstall(Bundle bundle);

    /**
     * The jar the install pipeline approved for this name and version (it validates the file before
     * installing it); consumes the approval. The caller checks that the installed content is that jar.
     *
     * @return the approved jar (so that the guard can keep an exact copy), or null when there is no approval
     */
    Path takePipelineApproval(String symbolicName, String version);

    /** What was wrong with the trust policy found at start (changed behind the runtime's back), or null. */
    String policyProblem();
}
