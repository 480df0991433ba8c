package org.milkbottle.marketplace.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * The OSGi repository index (R5 XML) of every published artifact, written by bnd from each jar's
 * manifest: identity, content (SHA-256, size, URL), packages, bundles, and every other capability and
 * requirement — so Felix's resolver, bnd and Karaf can all resolve against it. A jar's resource is
 * computed once and kept; artifact URLs are relative to the index.
 */
final class RepositoryIndex {

    private final Map<String, Resource> bySha = new ConcurrentHashMap<>();

    /** The resource of one stored artifact (computed on first use). */
    Resource resource(String sha256, Path jar) {
        return bySha.computeIfAbsent(sha256, sha -> {
            try {
                ResourceBuilder builder = new ResourceBuilder();
                builder.addFile(jar.toFile(), URI.create("artifacts/" + sha));
                return builder.build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot index " + jar + ": " + e.getMessage(), e);
            }
        });
    }

    /** Writes the index of these artifacts (SHA-256 to file). */
    byte[] write(Map<String, Path> artifacts, long increment) throws IOException {
        List<Resource> resources = new ArrayList<>();
        artifacts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> resources.add(resource(e.getKey(), e.getValue())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XMLResourceGenerator().name("MilkBottle Marketplace").increment(increment).resources(resources)
                .indent(1).save(out);
        return out.toByteArray();
    }
}
