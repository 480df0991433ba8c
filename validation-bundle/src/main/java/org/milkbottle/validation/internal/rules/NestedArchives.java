package org.milkbottle.validation.internal.rules;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Findings;
import org.milkbottle.validation.api.PluginArchive;
import org.milkbottle.validation.api.Severity;

/**
 * Finds every class file of an archive, wherever it is and whatever it is called: entries ending in
 * {@code .class} in any folder ({@code META-INF/} and every multi-release version included), entries of
 * any other name whose bytes are a class file (magic {@code CAFEBABE} and a class file version — a Mach-O
 * universal binary starts with the same magic but is followed by a small architecture count), and the
 * entries of archives nested inside ({@code .jar}/{@code .zip} names or the zip magic), recursively to
 * {@value #MAX_DEPTH} levels. A class loader can be handed any of these bytes, so none is skipped.
 *
 * <p>Nested archives are read as streams: each nested entry is inflated through a cap, and all nested
 * entries of one archive share a budget, so a zip bomb inside a jar costs no more than its cap. Paths name the
 * way in: {@code lib/inner.jar!/a/B.class}.
 *
 * <p>A zip can be read two ways: entry by entry from its local headers (a stream, as this scan reads it) or
 * through its central directory (as Felix's class loader reads a jar on the {@code Bundle-ClassPath}). A crafted
 * archive can show each reader different entries, or different bytes under one name. So each nested archive is
 * also opened through its central directory, and it is refused unless both readers see the same entries, each
 * once, with the same bytes (SHA-256): whatever any reader loads from it is then what was scanned.
 */
final class NestedArchives {

    /** How deep archives may nest: a jar in a jar in a jar in the plugin. */
    static final int MAX_DEPTH = 3;

    /** The oldest and (generously) the newest class file major version; Mach-O architecture counts are tiny. */
    private static final int OLDEST_MAJOR = 45;
    private static final int NEWEST_MAJOR = 80;

    /** Receives each class file found. */
    interface ClassSink {
        /**
         * @param path where it is, {@code lib/inner.jar!/a/B.class} for a nested one
         * @param in its bytes; the sink may stop reading early
         */
        void accept(String path, InputStream in) throws IOException;
    }

    private final Findings findings;
    private final ClassSink sink;
    private final long entryCap;
    private long nestedBudget;

    /**
     * @param entryCap the most bytes one nested entry may inflate to
     * @param nestedBudget the most bytes all nested entries of the archive may inflate to together
     */
    NestedArchives(Findings findings, ClassSink sink, long entryCap, long nestedBudget) {
        this.findings = findings;
        this.sink = sink;
        this.entryCap = entryCap;
        this.nestedBudget = nestedBudget;
    }

    /** Walks every entry of the archive. */
    void walk(PluginArchive archive) {
        for (String name : new LinkedHashSet<>(archive.entryNames())) {
            // a name ending in '/' is no proof of a folder: the JDK's ZipFile serves "p/A.class/" when asked
            // for p/A.class, and Felix loads the class from it; such an entry's bytes are sniffed like any other
            if (isModuleInfo(name)) {
                continue;
            }
            try {
                if (name.endsWith(".class")) {
                    try (InputStream in = archive.open(name)) {
                        sink.accept(name, in);
                    }
                    continue;
                }
                if (name.endsWith("/") && !hasBytes(archive, name)) {
                    continue; // a folder
                }
                try (InputStream in = new BufferedInputStream(archive.open(name), 8 * 1024)) {
                    Kind kind = kind(name, in);
                    if (kind == Kind.CLASS) {
                        sink.accept(name, in);
                    } else if (kind == Kind.ARCHIVE) {
                        nested(name, in, 1);
                    }
                }
            } catch (IOException e) {
                findings.add(new Finding("bytecode.unreadable", Severity.ERROR, "The entry " + name
                        + " cannot be read: " + e.getMessage() + "; it cannot be checked, so it is refused.", name));
            }
        }
    }

    /** Whether an entry named like a folder holds bytes; one that cannot be read holds none a loader could use. */
    private static boolean hasBytes(PluginArchive archive, String name) {
        try (InputStream in = archive.open(name)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private enum Kind { CLASS, ARCHIVE, OTHER }

    /** What an entry is, by its first bytes (the stream must support mark) or, for archives, its name. */
    private static Kind kind(String name, InputStream in) throws IOException {
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (head.length >= 8 && (head[0] & 0xFF) == 0xCA && (head[1] & 0xFF) == 0xFE && (head[2] & 0xFF) == 0xBA
                && (head[3] & 0xFF) == 0xBE) {
            int major = ((head[6] & 0xFF) << 8) | (head[7] & 0xFF);
            return major >= OLDEST_MAJOR && major <= NEWEST_MAJOR ? Kind.CLASS : Kind.OTHER;
        }
        boolean zipMagic = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        String lower = name.toLowerCase(Locale.ROOT);
        return zipMagic || lower.endsWith(".jar") || lower.endsWith(".zip") ? Kind.ARCHIVE : Kind.OTHER;
    }

    private void nested(String path, InputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            findings.add(new Finding("bytecode.nested-too-deep", Severity.ERROR, "The archive " + path
                    + " is nested more than " + MAX_DEPTH + " archives deep; it cannot be checked, so it is refused. "
                    + "Put nested jars directly into the plugin.", path));
            return;
        }
        Path copy = Files.createTempFile("milkbottle-nested-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                in.transferTo(out); // counted by the cap of the entry that holds it
            }
            List<String> streamed = new ArrayList<>();
            try (InputStream file = Files.newInputStream(copy)) {
                ZipInputStream zip = new ZipInputStream(new BufferedInputStream(file, 8 * 1024));
                ZipEntry entry;
                while ((entry = zipEntry(zip, path)) != null) {
                    String inner = path + "!/" + entry.getName();
                    DigestInputStream digest = new DigestInputStream(capped(zip, inner), sha256());
                    InputStream bytes = new BufferedInputStream(digest, 8 * 1024);
                    if (!isModuleInfo(entry.getName())) {
                        Kind kind = entry.getName().endsWith(".class") ? Kind.CLASS : kind(entry.getName(), bytes);
                        if (kind == Kind.CLASS) {
                            sink.accept(inner, bytes);
                        } else if (kind == Kind.ARCHIVE) {
                            nested(inner, bytes, depth + 1);
                        }
                    }
                    // read the rest through the cap: closing the entry would inflate it uncounted
                    drain(bytes);
                    streamed.add(entry.getName() + " " + HexFormat.of().formatHex(digest.getMessageDigest().digest()));
                }
            }
            List<String> directory = centralDirectory(copy, path);
            if (!streamed.equals(directory) || new LinkedHashSet<>(streamed).size() != streamed.size()) {
                findings.add(new Finding("bytecode.nested-ambiguous", Severity.ERROR, "The nested archive " + path
                        + " shows different entries to a reader that follows its local headers and to one that "
                        + "follows its central directory (as the class loader does), or names an entry twice: what "
                        + "is loaded from it could differ from what was checked, so it is refused. Rebuild it with "
                        + "a standard tool (jar, zip, Maven).", path));
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** Each entry's name and SHA-256, in order, as its central directory lists them. */
    private List<String> centralDirectory(Path archive, String path) throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                DigestInputStream digest = new DigestInputStream(capped(zip.getInputStream(entry), path + "!/"
                        + entry.getName()), sha256());
                try (digest) {
                    drain(digest);
                }
                entries.add(entry.getName() + " " + HexFormat.of().formatHex(digest.getMessageDigest().digest()));
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the nested archive " + path + " has no readable central directory ("
                    + e.getMessage() + ")", e);
        }
        return entries;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static ZipEntry zipEntry(ZipInputStream zip, String path) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new IOException("the nested archive " + path + " is malformed (" + e.getMessage() + ")", e);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8 * 1024];
        while (in.read(buffer) >= 0) {
            // counted by the cap
        }
    }

    private static boolean isModuleInfo(String name) {
        return name.equals("module-info.class") || name.endsWith("/module-info.class");
    }

    /** One nested entry, failing once it passes the entry cap or the archive's nested budget. */
    private CountedInputStream capped(InputStream zip, String path) {
        long[] total = {0};
        return new CountedInputStream(zip, n -> {
            total[0] += n;
            nestedBudget -= n;
            if (total[0] > entryCap || nestedBudget < 0) {
                throw new IOException(path + " inflates to more than " + (total[0] > entryCap ? entryCap
                        + " bytes" : "the nested archives' budget") + " and cannot be checked");
            }
        }, false);
    }
}
