package org.milkbottle.core.internal;

import org.milkbottle.api.RuntimeCapability;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** The version of the {@code milkbottle.runtime} capability this runtime provides, as plugins see it. */
final class RuntimeVersion {

    private RuntimeVersion() {
    }

    static String of(Bundle core) {
        BundleRevision revision = core.adapt(BundleRevision.class);
        for (BundleCapability capability : revision.getDeclaredCapabilities(RuntimeCapability.NAMESPACE)) {
            Object version = capability.getAttributes().get("version");
            if (version != null) {
                return version.toString();
            }
        }
        return core.getVersion().toString();
    }
}
