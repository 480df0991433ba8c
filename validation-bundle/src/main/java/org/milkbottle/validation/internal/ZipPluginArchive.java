package org.milkbottle.validation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.internal.rules.ArchiveSafetyRule;

/**
 * A jar read through its central directory: entries are listed, never extracted to disk, and every
 * read is capped so that an entry that lies about its size cannot inflate without bound.
 */
final class ZipPluginArchive implements PluginArchive, ArchiveSafetyRule.RawEntries, Closeable {

    static final String MANIFEST = "META-INF/MANIFEST.MF";

    private final ZipFile zip;
    private final List<ZipEntry> entries;
    private final long maxEntryBytes;
    private final Map<String, String> headers;

    ZipPluginArchive(Path file, long maxEntryBytes, int maxManifestBytes) throws IOException {
        this.zip = new ZipFile(file.toFile());
        this.maxEntryBytes = maxEntryBytes;
        this.entries = Collections.list(zip.entries()).stream().map(e -> (ZipEntry) e).toList();
        this.headers = readHeaders(maxManifestBytes);
    }

    private Map<String, String> readHeaders(int maxManifestBytes) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        Map<String, String> out = new LinkedHashMap<>();
        if (entry == null || entry.getSize() > maxManifestBytes) {
            return out; // ArchiveSafetyRule and MetadataRule report these
        }
        Manifest manifest = new Manifest(new ByteArrayInputStream(readCapped(entry, maxManifestBytes)));
        manifest.getMainAttributes().forEach((key, value) -> out.put(key.toString(), value.toString()));
        return out;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public List<String> entryNames() {
        List<String> names = new ArrayList<>(entries.size());
        entries.forEach(e -> names.add(e.getName()));
        return names;
    }

    @Override
    public Iterable<ZipEntry> rawEntries() {
        return entries;
    }

    @Override
    public byte[] read(String entryName) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new IOException("no entry " + entryName);
        }
        return readCapped(entry, maxEntryBytes);
    }

    @Override
    public InputStream open(String entryName) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new IOException("no entry " + entryName);
        }
        return new CappedInputStream(zip.getInputStream(entry), entryName, maxEntryBytes);
    }

    private byte[] readCapped(ZipEntry entry, long cap) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(entry.getSize(), 0), 1 << 20));
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > cap) {
                    throw new IOException(entry.getName() + " inflates to more than " + cap + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Fails as soon as more than {@code cap} bytes have been inflated, whatever the entry claims. */
    private static final class CappedInputStream extends java.io.FilterInputStream {
        private final String name;
        private final long cap;
        private long total;

        CappedInputStream(InputStream in, String name, long cap) {
            super(in);
            this.name = name;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            total += n;
            if (total > cap) {
                throw new IOException(name + " inflates to more than " + cap + " bytes");
            }
        }
    }

    @Override
    public boolean isPlugin() {
        String requirements = headers.getOrDefault("Require-Capability", "");
        return requirements.contains("milkbottle.runtime");
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
