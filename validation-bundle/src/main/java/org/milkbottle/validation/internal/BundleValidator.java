package org.milkbottle.validation.internal;

import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.Bundle;

/** What the veto guard needs from the validator (an internal service of this bundle). */
public interface BundleValidator {

    /** Validates an installed bundle through the Bundle API and records the decision. */
    ValidationReport approveInstalled(Bundle bundle, String origin);

    /**
     * Whether the install pipeline approved this bundle's jar moments ago (it validates the file before
     * installing it); consumes the approval.
     */
    boolean takePipelineApproval(String symbolicName, String version);
}
