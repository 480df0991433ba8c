package org.milkbottle.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds test bundles inside the tests — good ones and deliberately broken ones — from a manifest and
 * classes of this test module, so no binary fixture is committed.
 */
public final class TestBundles {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestBundles(String symbolicName, String version) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", version);
        headers.put("Bundle-Name", symbolicName);
    }

    /** A plugin requiring this runtime (milkbottle.runtime [1.0,2.0)), with all the metadata a plugin needs. */
    public static TestBundles plugin(String symbolicName, String version) {
        return new TestBundles(symbolicName, version).runtimeRange("1.0", "2.0")
                .header("Bundle-Description", "A plugin built by a test").header("Bundle-Vendor", "MilkBottle tests")
                .header("Bundle-ContactAddress", "tests@milkbottle.org").header("Bundle-License", "Apache-2.0");
    }

    /** A bundle without MilkBottle headers. */
    public static TestBundles library(String symbolicName, String version) {
        return new TestBundles(symbolicName, version);
    }

    public TestBundles runtimeRange(String from, String to) {
        headers.put("Require-Capability", "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)(version>="
                + from + ")(!(version>=" + to + ")))\"");
        return this;
    }

    public TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public TestBundles activator(Class<?> type) {
        headers.put("Bundle-Activator", type.getName());
        return addClass(type).importPackage("org.osgi.framework");
    }

    public TestBundles importPackage(String pkg) {
        headers.merge("Import-Package", pkg, (a, b) -> a + "," + b);
        return this;
    }

    public TestBundles exportPackage(String pkg) {
        headers.merge("Export-Package", pkg, (a, b) -> a + "," + b);
        return this;
    }

    /** A Declarative Services component that is immediate and calls {@code activate()}. */
    public TestBundles immediateComponent(Class<?> type) {
        String xml = "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + type.getName()
                + "\" immediate=\"true\" activate=\"activate\"><implementation class=\"" + type.getName()
                + "\"/></scr:component>";
        entries.put("OSGI-INF/component.xml", xml.getBytes(StandardCharsets.UTF_8));
        headers.put("Service-Component", "OSGI-INF/component.xml");
        headers.merge("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0)(!(version>=2.0.0)))\"",
                (a, b) -> a + "," + b);
        return addClass(type);
    }

    /**
     * A Declarative Services component providing {@code service}, with {@code properties} (a key {@code name:Type}
     * gives the property a type: {@code service.ranking:Integer}); delayed (activated on first use) unless
     * {@code immediate}. Calls {@code activate()}.
     */
    public TestBundles serviceComponent(Class<?> type, String service, boolean immediate, Map<String, String> properties) {
        StringBuilder xml = new StringBuilder("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\""
                + type.getName() + "\" immediate=\"" + immediate + "\" activate=\"activate\"><implementation class=\""
                + type.getName() + "\"/><service><provide interface=\"" + service + "\"/></service>");
        properties.forEach((key, value) -> {
            String[] nameAndType = key.split(":", 2); // "service.ranking:Integer"
            xml.append("<property name=\"").append(nameAndType[0]).append('"');
            if (nameAndType.length == 2) {
                xml.append(" type=\"").append(nameAndType[1]).append('"');
            }
            xml.append(" value=\"").append(value).append("\"/>");
        });
        xml.append("</scr:component>");
        entries.put("OSGI-INF/component.xml", xml.toString().getBytes(StandardCharsets.UTF_8));
        headers.put("Service-Component", "OSGI-INF/component.xml");
        headers.merge("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.3.0)(!(version>=2.0.0)))\"",
                (a, b) -> a + "," + b);
        return addClass(type);
    }

    public TestBundles addClass(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            entries.put(name, in.readAllBytes());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read class " + name, e);
        }
        return this;
    }

    public TestBundles resource(String name, String content) {
        return resource(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestBundles resource(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** The symbolic name, as the built jar's manifest has it. */
    public String symbolicName() throws IOException {
        try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(bytes()))) {
            return in.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
        }
    }

    /** Writes the bundle to {@code dir/fileName}. */
    public Path writeTo(Path dir, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        Files.write(file, bytes());
        return file;
    }

    public byte[] bytes() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        // every entry dated alike: the same bundle built twice is the same jar, byte for byte (a test that built
        // it again a second later published other content without meaning to)
        try (JarOutputStream jar = new JarOutputStream(buffer)) {
            jar.putNextEntry(dated(JarFile.MANIFEST_NAME));
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(dated(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    private static final long ENTRY_TIME = java.time.Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private static JarEntry dated(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(ENTRY_TIME);
        return entry;
    }

    /** A jar with a manifest but no OSGi headers: a plain library, not a bundle. */
    public static final class Plain {
        public byte[] bytes() throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Implementation-Title", "plain");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(buffer, manifest)) {
                jar.putNextEntry(new JarEntry("readme.txt"));
                jar.write("plain".getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            return buffer.toByteArray();
        }
    }

    /** A copy of a (signed) jar with one entry's bytes replaced; the signature files are kept as they were. */
    public static Path tamper(Path jar, String entryName, byte[] content, Path target) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(buffer)) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals(entryName)) {
                    out.write(content);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return Files.write(target, buffer.toByteArray());
    }

    /** A copy of {@code jar} whose Bundle-Version is {@code version}. */
    public static Path withVersion(Path jar, String version, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
                OutputStream file = Files.newOutputStream(target)) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream out = new JarOutputStream(file, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }
}
