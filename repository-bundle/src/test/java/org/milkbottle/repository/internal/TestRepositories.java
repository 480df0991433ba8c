package org.milkbottle.repository.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.resource.Resource;

import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;

/** Plugin jars, signed indexes and a recording bundle context for the repository client's tests. */
final class TestRepositories {

    private TestRepositories() {
    }

    /** A bundle jar with just a manifest; {@code runtimeFilter} (or null) becomes its requirement on the runtime. */
    static Path bundle(Path folder, String name, String version, String description, String runtimeFilter)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", name);
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Description", description);
        if (runtimeFilter != null) {
            main.putValue("Require-Capability", "milkbottle.runtime;filter:=\"" + runtimeFilter + "\"");
        }
        Path jar = Files.createDirectories(folder).resolve(name + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole bundle
        }
        return jar;
    }

    /** The R5 index of {@code jars}, with URLs relative to {@code folder} as a marketplace writes them. */
    static byte[] index(Path folder, List<Path> jars) throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (Path jar : jars) {
            ResourceBuilder builder = new ResourceBuilder();
            builder.addFile(jar.toFile(), URI.create(folder.relativize(jar).toString().replace('\\', '/')));
            resources.add(builder.build());
        }
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        new XMLResourceGenerator().name("test").resources(resources).save(xml);
        return xml.toByteArray();
    }

    static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String sign(KeyPair keys, byte[] content) throws GeneralSecurityException {
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(content);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A bundle context that records the services registered through it and their current properties. */
    static final class Registrations {

        final Map<Object, Map<String, Object>> properties = new ConcurrentHashMap<>();

        BundleContext context() {
            return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                        if (method.getName().equals("registerService")) {
                            Object service = args[1];
                            properties.put(service, copy((Dictionary<String, ?>) args[2]));
                            return registration(service);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        private ServiceRegistration<?> registration(Object service) {
            return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "setProperties" -> {
                                if (!properties.containsKey(service)) {
                                    throw new IllegalStateException("unregistered");
                                }
                                properties.put(service, copy((Dictionary<String, ?>) args[0]));
                                return null;
                            }
                            case "unregister" -> {
                                if (properties.remove(service) == null) {
                                    throw new IllegalStateException("unregistered");
                                }
                                return null;
                            }
                            default -> throw new UnsupportedOperationException(method.getName());
                        }
                    });
        }

        private static Map<String, Object> copy(Dictionary<String, ?> dictionary) {
            Map<String, Object> copy = new HashMap<>();
            for (var keys = dictionary.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                copy.put(key, dictionary.get(key));
            }
            return copy;
        }
    }
}
