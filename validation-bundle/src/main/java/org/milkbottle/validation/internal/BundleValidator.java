package org.milkbottle.validation.internal;

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

    /** What was wrong with the trust policy found at start (changed behind the runtime's back), or null. */
    String policyProblem();
}
