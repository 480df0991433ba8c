package org.milkbottle.marketplace.internal.web;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The version of the MilkBottle runtime this marketplace node runs in: the {@code milkbottle.runtime}
 * capability the core bundle declares (found by the capability, like the core's {@code RuntimeCapability},
 * which this bundle does not import). Empty when the marketplace runs without a MilkBottle runtime.
 */
final class NodeRuntime {

    private static final String NAMESPACE = "milkbottle.runtime";

    private NodeRuntime() {
    }

    static Optional<Version> version(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(NAMESPACE)) {
                Object version = capability.getAttributes().get("version");
                if ("milkbottle".equals(capability.getAttributes().get(NAMESPACE)) && version != null) {
                    try {
                        return Optional.of(Version.parseVersion(version.toString()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
