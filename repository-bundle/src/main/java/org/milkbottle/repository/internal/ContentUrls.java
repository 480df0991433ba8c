package org.milkbottle.repository.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.resource.CapReqBuilder;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * Puts a parsed index resource into the shape the Repository services promise: the {@code osgi.content}
 * SHA-256 in lower case (bnd writes upper case; MilkBottle names artifacts in lower case) and an absolute
 * {@code url} — for a marketplace with {@code runtime=VERSION} added, which its download statistics count.
 */
final class ContentUrls {

    static final String CONTENT = "osgi.content";
    static final String URL = "url";

    private ContentUrls() {
    }

    static Resource forRuntime(Resource resource, URI base, String runtimeVersion) {
        ResourceBuilder builder = new ResourceBuilder();
        for (Capability capability : resource.getCapabilities(null)) {
            if (!CONTENT.equals(capability.getNamespace())) {
                builder.addCapability(capability);
                continue;
            }
            Map<String, Object> attributes = capability.getAttributes();
            CapReqBuilder content = CapReqBuilder.clone(capability);
            Object sha = attributes.get(CONTENT);
            if (sha != null) {
                content.addAttribute(CONTENT, sha.toString().toLowerCase(Locale.ROOT));
            }
            Object url = attributes.get(URL);
            if (url != null) {
                content.addAttribute(URL, download(base.resolve(url.toString()), runtimeVersion).toString());
            }
            builder.addCapability(content);
        }
        List<Requirement> requirements = resource.getRequirements(null);
        requirements.forEach(builder::addRequirement);
        return builder.build();
    }

    /** A marketplace's artifact URL with the runtime's version for its statistics; other URLs as they are. */
    static URI download(URI url, String runtimeVersion) {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return url;
        }
        return URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "runtime=" + runtimeVersion);
    }
}
