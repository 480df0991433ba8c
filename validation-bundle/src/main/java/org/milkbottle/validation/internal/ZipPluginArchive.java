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
import org.milkbottle.validation.internal.rules.CountedInputStream;

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
        // fails as soon as more than the cap has been inflated, whatever the entry claims
        long[] total = {0};
        return new CountedInputStream(zip.getInputStream(entry), n -> {
            total[0] += n;
            if (total[0] > maxEntryBytes) {
                throw new IOException(entryName + " inflates to more than " + maxEntryBytes + " bytes");
            }
        }, true);
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
