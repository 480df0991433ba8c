package org.milkbottle.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Names of the {@code milkbottle.runtime} capability the core bundle provides. A plugin requires a
 * version range of it, so the framework resolver refuses plugins built for another runtime:
 *
 * <pre>
 * Require-Capability: milkbottle.runtime;filter:="(&amp;(milkbottle.runtime=milkbottle)(version&gt;=1.0)(!(version&gt;=2.0)))"
 * </pre>
 *
 * or, with bnd, {@code @Requirement(namespace = "milkbottle.runtime", name = "milkbottle", version = "1.0")}.
 */
public final class RuntimeCapability {
    /** The capability namespace. */
    public static final String NAMESPACE = "milkbottle.runtime";
    /** The value of the namespace attribute. */
    public static final String NAME = "milkbottle";

    private RuntimeCapability() {
    }

    /**
     * The attributes of the {@code milkbottle.runtime} capability the running framework offers (its
     * {@code version} among them), found by the capability rather than by a bundle's name.
     *
     * @param context any bundle's context
     * @return the attributes, or empty when no MilkBottle runtime runs in this framework
     */
    public static Optional<Map<String, Object>> attributes(BundleContext context) {
        for (Bundle bundle : context.getBundles()) {
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            for (BundleCapability capability : revision.getDeclaredCapabilities(NAMESPACE)) {
                if (NAME.equals(capability.getAttributes().get(NAMESPACE))) {
                    return Optional.of(capability.getAttributes());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The version of the MilkBottle runtime plugins see (the capability's {@code version}).
     *
     * @param context any bundle's context
     * @return the version, or {@link Version#emptyVersion} when no MilkBottle runtime runs in this framework
     */
    public static Version version(BundleContext context) {
        return attributes(context).map(a -> a.get("version")).map(v -> Version.parseVersion(v.toString()))
                .orElse(Version.emptyVersion);
    }
}
