package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.milkbottle.core.internal.install.BundleArchive.CapabilitySpec;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The capabilities on offer: those of installed bundles plus those of bundles about to be installed.
 * Used to tell, in plain words, which requirement nothing satisfies.
 */
public final class CapabilityIndex {

    /** A capability and who offers it. */
    public record Offer(String namespace, Map<String, Object> attributes, String provider) {
    }

    private final List<Offer> offers = new ArrayList<>();

    /**
     * Indexes installed bundles, except those named in {@code replaced} (they are about to be updated),
     * and the given archives.
     */
    public static CapabilityIndex of(Bundle[] installed, Set<String> replaced, Collection<BundleArchive> archives) {
        CapabilityIndex index = new CapabilityIndex();
        for (Bundle bundle : installed) {
            if (bundle.getState() == Bundle.UNINSTALLED || replaced.contains(bundle.getSymbolicName())) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            if (revision == null) {
                continue;
            }
            String provider = bundle.getSymbolicName() + " " + bundle.getVersion();
            for (BundleCapability capability : revision.getDeclaredCapabilities(null)) {
                index.offers.add(new Offer(capability.getNamespace(), capability.getAttributes(), provider));
            }
        }
        for (BundleArchive archive : archives) {
            String provider = archive.symbolicName() + " " + archive.version() + " (in this request)";
            for (CapabilitySpec capability : archive.capabilities()) {
                index.offers.add(new Offer(capability.namespace(), capability.attributes(), provider));
            }
        }
        return index;
    }

    /** Offers in {@code namespace} matching {@code filter} (all of the namespace when it is null). */
    public List<Offer> matching(String namespace, String filter) {
        Filter compiled = compile(filter);
        return offers.stream()
                .filter(o -> o.namespace().equals(namespace))
                .filter(o -> compiled == null || compiled.matches(o.attributes()))
                .toList();
    }

    private static Filter compile(String filter) {
        if (filter == null) {
            return null;
        }
        try {
            return FrameworkUtil.createFilter(filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("invalid filter " + filter + ": " + e.getMessage(), e);
        }
    }
}
