package org.milkbottle.validation.internal.rules;

import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationRule;

/**
 * Archive safety: entry names that escape the bundle ({@code ..}, absolute paths), duplicate entries,
 * too many entries, too many uncompressed bytes or an extreme compression ratio (zip bombs), and an
 * oversized manifest. Works on the central directory only.
 */
public final class ArchiveSafetyRule implements ValidationRule {

    /** The limits to enforce. */
    public record Limits(int maxEntries, long maxUncompressedBytes, int maxManifestBytes, int maxCompressionRatio) {
    }

    /** Gives the raw entries of an archive (the zip archive implements it). */
    public interface RawEntries {
        Iterable<ZipEntry> rawEntries();
    }

    private final Limits limits;

    public ArchiveSafetyRule(Limits limits) {
        this.limits = limits;
    }

    @Override
    public String id() {
        return "archive";
    }

    @Override
    public void check(PluginArchive archive, Findings findings) {
        Set<String> seen = new HashSet<>();
        int count = 0;
        long total = 0;
        for (String name : archive.entryNames()) {
            count++;
            if (!seen.add(name)) {
                findings.add(new Finding("archive.duplicate-entry", Severity.ERROR, "The archive contains the entry '"
                        + name + "' more than once; tools disagree on which copy counts, which can hide content. "
                        + "Rebuild the jar.", name));
            }
            if (escapes(name)) {
                findings.add(new Finding("archive.path-traversal", Severity.ERROR, "The entry name '" + name
                        + "' points outside the archive (absolute path or '..'). Rebuild the jar with plain relative names.",
                        name));
            }
        }
        if (count > limits.maxEntries()) {
            findings.add(new Finding("archive.too-many-entries", Severity.ERROR, "The archive has " + count
                    + " entries; the limit is " + limits.maxEntries() + ".", null));
        }
        if (archive instanceof RawEntries raw) {
            for (ZipEntry entry : raw.rawEntries()) {
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > 0) {
                    total += size;
                }
                if (size > 1024 * 1024 && compressed > 0 && size / compressed > limits.maxCompressionRatio()) {
                    findings.add(new Finding("archive.compression-ratio", Severity.ERROR, "The entry '"
                            + entry.getName() + "' inflates " + (size / compressed) + " times (" + size
                            + " bytes from " + compressed + "): a zip bomb. The limit is "
                            + limits.maxCompressionRatio() + " times.", entry.getName()));
                }
                if (entry.getName().equals("META-INF/MANIFEST.MF") && size > limits.maxManifestBytes()) {
                    findings.add(new Finding("archive.manifest-too-large", Severity.ERROR, "The manifest has " + size
                            + " bytes; the limit is " + limits.maxManifestBytes() + ".", entry.getName()));
                }
            }
        }
        if (total > limits.maxUncompressedBytes()) {
            findings.add(new Finding("archive.too-large", Severity.ERROR, "The archive inflates to " + total
                    + " bytes; the limit is " + limits.maxUncompressedBytes() + ".", null));
        }
    }

    static boolean escapes(String name) {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
