package org.milkbottle.marketplace.internal.client;

import java.net.URI;
import java.util.List;

import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/** Reads identity and content of a repository resource from its standard capabilities. */
final class Resources {

    private Resources() {
    }

    static String identity(Resource resource) {
        List<Capability> identities = resource.getCapabilities("osgi.identity");
        return identities.isEmpty() ? null : String.valueOf(identities.get(0).getAttributes().get("osgi.identity"));
    }

    static Version version(Resource resource) {
        List<Capability> identities = resource.getCapabilities("osgi.identity");
        Object version = identities.isEmpty() ? null : identities.get(0).getAttributes().get("version");
        return version == null ? Version.emptyVersion : Version.parseVersion(version.toString());
    }

    /** The SHA-256 of the artifact, from osgi.content. */
    static String sha256(Resource resource) {
        List<Capability> content = resource.getCapabilities("osgi.content");
        // bnd writes the hash in upper case; MilkBottle names artifacts in lower case
        return content.isEmpty() ? null
                : String.valueOf(content.get(0).getAttributes().get("osgi.content")).toLowerCase(java.util.Locale.ROOT);
    }

    static URI url(Resource resource, URI base) {
        List<Capability> content = resource.getCapabilities("osgi.content");
        Object url = content.isEmpty() ? null : content.get(0).getAttributes().get("url");
        return url == null ? null : base.resolve(url.toString());
    }

    static long size(Resource resource) {
        List<Capability> content = resource.getCapabilities("osgi.content");
        Object size = content.isEmpty() ? null : content.get(0).getAttributes().get("size");
        return size instanceof Number number ? number.longValue() : -1;
    }
}
