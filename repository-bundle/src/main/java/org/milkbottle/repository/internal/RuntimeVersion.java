package org.milkbottle.repository.internal;

import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.resource.Capability;

/**
 * This runtime's MilkBottle version: the {@code version} of the {@code milkbottle.runtime} capability
 * (which the core bundle provides), as plugins and marketplaces see it. Looked up when first needed and
 * then remembered, so a core that starts after this bundle is still found.
 */
final class RuntimeVersion implements Supplier<String> {

    static final String NAMESPACE = "milkbottle.runtime";

    private final BundleContext context;
    private volatile String found;

    RuntimeVersion(BundleContext context) {
        this.context = context;
    }

    @Override
    public String get() {
        String version = found;
        if (version != null) {
            return version;
        }
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (Capability capability : revision.getCapabilities(NAMESPACE)) {
                Object value = capability.getAttributes().get("version");
                if (value != null) {
                    found = value.toString();
                    return found;
                }
            }
        }
        return Version.emptyVersion.toString();
    }
}
