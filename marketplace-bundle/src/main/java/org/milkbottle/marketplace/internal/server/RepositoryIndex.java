package org.milkbottle.marketplace.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.CapReqBuilder;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * Every published artifact as an OSGi resource, written by bnd from the jar's manifest: identity, content,
 * packages, bundles, and every other capability and requirement — so Felix's resolver, bnd and Karaf can
 * all resolve against it. A jar's resource is computed once and kept. Its {@code osgi.content} names the
 * stored file itself ({@code file:} URI, lower-case SHA-256), which is what this runtime's Repository
 * service hands out; the R5 XML index served over HTTP names it relative to the index instead
 * ({@code artifacts/SHA256}).
 */
final class RepositoryIndex {

    private static final String CONTENT = "osgi.content";
    private static final String BUNDLE = "application/vnd.osgi.bundle";

    private final Map<String, Resource> bySha = new ConcurrentHashMap<>();

    /** The resource of one stored artifact (computed on first use). */
    Resource resource(String sha256, Path jar) {
        return bySha.computeIfAbsent(sha256, sha -> {
            try (Jar file = new Jar(jar.toFile())) {
                ResourceBuilder builder = new ResourceBuilder();
                builder.addJar(file);
                builder.addContentCapability(jar.toUri(), sha, Files.size(jar), BUNDLE);
                return builder.build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot index " + jar + ": " + e.getMessage(), e);
            }
        });
    }

    /** The R5 XML index of these resources, for runtimes elsewhere. */
    byte[] write(List<Resource> resources, long increment) throws IOException {
        List<Resource> served = resources.stream().map(RepositoryIndex::served).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XMLResourceGenerator().name("MilkBottle Marketplace").increment(increment).resources(served)
                .indent(1).save(out);
        return out.toByteArray();
    }

    /** The resource as the repository servlet serves it: the artifact's URL relative to the index. */
    private static Resource served(Resource resource) {
        ResourceBuilder builder = new ResourceBuilder();
        for (Capability capability : resource.getCapabilities(null)) {
            if (CONTENT.equals(capability.getNamespace())) {
                builder.addCapability(CapReqBuilder.clone(capability).addAttribute("url",
                        "artifacts/" + capability.getAttributes().get(CONTENT)));
            } else {
                builder.addCapability(capability);
            }
        }
        resource.getRequirements(null).forEach(builder::addRequirement);
        return builder.build();
    }
}
