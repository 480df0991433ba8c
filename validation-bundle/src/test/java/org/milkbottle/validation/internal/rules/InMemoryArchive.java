package org.milkbottle.validation.internal.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;

/** An archive held in memory for rule tests, a zip builder for nested jars, and what a rule reported. */
final class InMemoryArchive implements PluginArchive {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    InMemoryArchive entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /** Adds a compiled test class under its own path. */
    InMemoryArchive add(Class<?> type) {
        return entry(path(type), bytes(type));
    }

    static String path(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    static byte[] bytes(Class<?> type) {
        try (InputStream in = type.getClassLoader().getResourceAsStream(path(type))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These entries as a zip, to nest inside another archive. */
    byte[] zip() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Runs the bytecode scan over this archive. */
    Recorded scan() {
        Recorded recorded = new Recorded();
        new BytecodeScanRule().check(this, recorded);
        return recorded;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public List<String> entryNames() {
        return new ArrayList<>(entries.keySet());
    }

    @Override
    public byte[] read(String entryName) throws IOException {
        byte[] content = entries.get(entryName);
        if (content == null) {
            throw new IOException("no entry " + entryName);
        }
        return content;
    }

    @Override
    public boolean isPlugin() {
        return true;
    }

    /** What a rule reported: uses as "permission: where", and findings. */
    static final class Recorded implements Findings {
        final List<String> uses = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();

        @Override
        public void add(Finding finding) {
            findings.add(finding);
        }

        @Override
        public void uses(String permission, String where) {
            uses.add(permission + ": " + where);
        }

        @Override
        public String toString() {
            return uses + " " + findings;
        }
    }
}
