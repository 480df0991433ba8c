package org.milkbottle.validation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds jars for the rule tests, including malformed ones no jar tool would write. */
final class TestJars {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final StringBuilder manifest = new StringBuilder("Manifest-Version: 1.0\r\n");

    static TestJars plugin(String name) {
        return new TestJars().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", name)
                .header("Bundle-Version", "1.0.0").header("Bundle-Name", name).header("Bundle-Description", "A test")
                .header("Bundle-Vendor", "Tests").header("Bundle-ContactAddress", "dev@example.com")
                .header("Bundle-License", "MIT")
                .header("Require-Capability", "milkbottle.runtime;filter:=\"(&(milkbottle.runtime=milkbottle)"
                        + "(version>=1.0)(!(version>=2.0)))\"");
    }

    static TestJars library(String name) {
        return new TestJars().header("Bundle-ManifestVersion", "2").header("Bundle-SymbolicName", name)
                .header("Bundle-Version", "1.0.0");
    }

    TestJars header(String name, String value) {
        manifest.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    TestJars entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestJars addClass(Class<?> type) throws IOException {
        return entry(type.getName().replace('.', '/') + ".class", classBytes(type));
    }

    static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    Path write(Path dir, String file) throws IOException {
        Path path = dir.resolve(file);
        Files.write(path, bytes());
        return path;
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write(manifest.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    /** Renames every occurrence of {@code from} in the archive's headers to {@code to} (same length). */
    static byte[] rename(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        byte[] out = zip.clone();
        for (int i = 0; i <= out.length - a.length; i++) {
            boolean match = true;
            for (int j = 0; j < a.length && match; j++) {
                match = out[i + j] == a[j];
            }
            if (match) {
                System.arraycopy(b, 0, out, i, b.length);
            }
        }
        return out;
    }
}
