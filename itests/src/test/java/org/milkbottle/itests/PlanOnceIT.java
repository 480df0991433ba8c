package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.ResolveContext;
import org.osgi.service.resolver.Resolver;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;

/**
 * {@code mb:install NAME} plans once: a plugin with ten transitive dependencies, all in a folder
 * repository, is resolved with one call of the OSGi resolver, and each jar is written once into the
 * runtime's data (the artifact store) — no download folder, no second copy.
 */
@RunWith(PaxExam.class)
public class PlanOnceIT extends MilkBottleTestSupport {

    private static final int DEPENDENCIES = 10;

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(freePort()));
    }

    /** Counts the plans: delegates to the Felix resolver, ranked above it so the plugin manager takes it. */
    private static final class CountingResolver implements Resolver {
        private final Resolver delegate;
        private final AtomicInteger calls = new AtomicInteger();

        CountingResolver(Resolver delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<Resource, List<Wire>> resolve(ResolveContext context) throws ResolutionException {
            calls.incrementAndGet();
            return delegate.resolve(context);
        }

        @Override
        public Map<Resource, List<Wire>> resolveDynamic(ResolveContext context, Wiring hostWiring,
                Requirement dynamicRequirement) throws ResolutionException {
            calls.incrementAndGet();
            return delegate.resolveDynamic(context, hostWiring, dynamicRequirement);
        }
    }

    @Test
    public void aPluginWithTenTransitiveDependenciesIsResolvedOnceAndEachJarWrittenOnce() throws Exception {
        Path folder = work("chain-repo");
        Path artifacts = Files.createDirectories(folder.resolve("artifacts"));
        Map<String, Path> jars = new LinkedHashMap<>();
        for (int i = 0; i < DEPENDENCIES; i++) {
            TestBundles library = TestBundles.library("chain.lib" + i, "1.0.0").exportPackage("chain.p" + i);
            if (i + 1 < DEPENDENCIES) {
                library.importPackage("chain.p" + (i + 1));
            }
            jars.put("chain.lib" + i, library.writeTo(artifacts, "lib" + i + ".jar"));
        }
        jars.put("chain.app", TestBundles.plugin("chain.app", "1.0.0").importPackage("chain.p0")
                .writeTo(artifacts, "app.jar"));
        // something the plan must leave alone
        TestBundles.library("chain.unused", "1.0.0").exportPackage("chain.unused").writeTo(artifacts, "unused.jar");
        List<Resource> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(artifacts)) {
            for (Path jar : files.sorted().toList()) {
                ResourceBuilder builder = new ResourceBuilder();
                builder.addFile(jar.toFile(), URI.create("artifacts/" + jar.getFileName()));
                resources.add(builder.build());
            }
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new XMLResourceGenerator().name("chain").resources(resources).save(xml);
        Files.write(folder.resolve("index.xml"), xml.toByteArray());
        String added = shell("mb:repo-add chain " + folder.toUri());
        assertTrue(added, added.contains("Added repository 'chain'"));

        ServiceReference<Resolver> felix = context.getServiceReference(Resolver.class);
        CountingResolver counting = new CountingResolver(context.getService(felix));
        Hashtable<String, Object> ranking = new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE));
        ServiceRegistration<Resolver> registration = context.registerService(Resolver.class, counting, ranking);
        try {
            String output = shell("mb:install chain.app");
            assertTrue(output, output.contains("chain.app"));
            for (String name : jars.keySet()) {
                Bundle bundle = bundle(name).orElseThrow(() -> new AssertionError(name + " not installed: " + output));
                assertTrue(name, bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.RESOLVED);
            }
            assertTrue("the unused library stays out", bundle("chain.unused").isEmpty());
            assertEquals("resolver calls", 1, counting.calls.get());

            // every file under the framework's storage, except the framework's own copy of each installed
            // bundle (bundleN/versionM/bundle.jar): the jar must have been written there exactly once (a hard
            // link to it, like the veto guard's, is another name for the same file, not another write)
            Path storage = Path.of(context.getProperty(Constants.FRAMEWORK_STORAGE));
            Map<String, List<Path>> copies = new LinkedHashMap<>();
            Map<String, java.util.Set<Object>> writes = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(storage)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (file.getFileName().toString().equals("bundle.jar")
                            && file.getParent().getFileName().toString().startsWith("version")) {
                        continue;
                    }
                    String sha = sha256(file);
                    copies.computeIfAbsent(sha, k -> new ArrayList<>()).add(storage.relativize(file));
                    writes.computeIfAbsent(sha, k -> new java.util.HashSet<>()).add(Files.readAttributes(file,
                            java.nio.file.attribute.BasicFileAttributes.class).fileKey());
                }
            }
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                String sha = sha256(jar.getValue());
                assertEquals(jar.getKey() + " written once, found " + copies.get(sha), 1,
                        writes.getOrDefault(sha, java.util.Set.of()).size());
            }
        } finally {
            registration.unregister();
            context.ungetService(felix);
        }
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }
}
