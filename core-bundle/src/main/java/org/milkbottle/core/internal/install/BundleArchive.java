package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.milkbottle.api.PluginDescriptor;
import org.milkbottle.validation.api.Provenance;

/**
 * A bundle jar that has been fetched into the artifact store and whose manifest has been read.
 *
 * @param path the stored file
 * @param sha256 its SHA-256, hex
 * @param source where it came from, as the user gave it
 * @param descriptor its metadata
 * @param requirements what it needs from other bundles, as declared in its manifest
 * @param capabilities what it offers other bundles, as declared in its manifest
 * @param provenance where it came from and what was checked about that; decides how far it is trusted
 */
public record BundleArchive(Path path, String sha256, String source, PluginDescriptor descriptor,
        List<RequirementSpec> requirements, List<CapabilitySpec> capabilities, Provenance provenance) {

    /** An archive from an untrusted local file. */
    public BundleArchive(Path path, String sha256, String source, PluginDescriptor descriptor,
            List<RequirementSpec> requirements, List<CapabilitySpec> capabilities) {
        this(path, sha256, source, descriptor, requirements, capabilities, Provenance.file(source));
    }

    /** The same archive from another provenance. */
    public BundleArchive from(Provenance other) {
        return new BundleArchive(path, sha256, source, descriptor, requirements, capabilities, other);
    }

    /** The bundle's symbolic name. */
    public String symbolicName() {
        return descriptor.symbolicName();
    }

    /** The bundle's version. */
    public String version() {
        return descriptor.version();
    }

    /**
     * A requirement in the generic OSGi form.
     *
     * @param namespace e.g. {@code osgi.wiring.package}
     * @param filter the LDAP filter a capability must match, or {@code null} for any
     * @param optional {@code resolution:=optional}
     */
    public record RequirementSpec(String namespace, String filter, boolean optional) {
    }

    /**
     * A capability in the generic OSGi form.
     *
     * @param namespace e.g. {@code osgi.wiring.package}
     * @param attributes typed attributes (versions as {@link org.osgi.framework.Version})
     */
    public record CapabilitySpec(String namespace, Map<String, Object> attributes) {
    }
}
