package org.milkbottle.core.internal;

import java.util.Map;

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

    /** The attributes of the {@code milkbottle.runtime} capability, to match plugins' requirements against. */
    static Map<String, Object> capability(Bundle core) {
        BundleRevision revision = core.adapt(BundleRevision.class);
        for (BundleCapability capability : revision.getDeclaredCapabilities(RuntimeCapability.NAMESPACE)) {
            return capability.getAttributes();
        }
        return Map.of();
    }
}
