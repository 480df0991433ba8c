package org.milkbottle.marketplace.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the web page shows of a stored plugin jar besides its manifest facts: its README and CHANGELOG
 * (as text; the page renders them, never as HTML) and its icon ({@code Bundle-Icon}, else {@code icon.png}
 * or {@code icon.svg}). Everything read is bounded, because the jar comes from a publisher.
 */
final class PluginJar {

    /** A text document of the jar; {@code markdown} says whether its name says Markdown. */
    record Document(String path, String text, boolean markdown, boolean truncated) {
    }

    /** An icon of the jar, its bytes checked to be what its name says. */
    record Icon(String path, String contentType, byte[] bytes) {
    }

    static final int MAX_DOCUMENT_BYTES = 256 * 1024;
    static final int MAX_ICON_BYTES = 256 * 1024;

    private static final Pattern README = Pattern.compile("(?i)(META-INF/)?README(\\.(md|markdown|txt))?");
    private static final Pattern CHANGELOG = Pattern.compile("(?i)(META-INF/)?(CHANGELOG|CHANGES)(\\.(md|markdown|txt))?");
    private static final Pattern ICON_SIZE = Pattern.compile("(?i)\\bsize\\s*=\\s*\"?(\\d{1,5})");
    private static final List<String> CONVENTIONAL_ICONS = List.of("icon.png", "icon.svg", "META-INF/icon.png",
            "META-INF/icon.svg");

    private PluginJar() {
    }

    static Optional<Document> readme(Path jar) throws IOException {
        return document(jar, README);
    }

    static Optional<Document> changelog(Path jar) throws IOException {
        return document(jar, CHANGELOG);
    }

    /** The first of the jar's entries the pattern matches, a top-level one before one in META-INF. */
    private static Optional<Document> document(Path jar, Pattern names) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            JarEntry found = null;
            for (JarEntry entry : (Iterable<JarEntry>) file.stream()::iterator) {
                if (!entry.isDirectory() && names.matcher(entry.getName()).matches()
                        && (found == null || found.getName().contains("/") && !entry.getName().contains("/"))) {
                    found = entry;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            byte[] bytes = read(file, found, MAX_DOCUMENT_BYTES + 1);
            boolean truncated = bytes.length > MAX_DOCUMENT_BYTES;
            String text = new String(bytes, 0, Math.min(bytes.length, MAX_DOCUMENT_BYTES), StandardCharsets.UTF_8);
            String lower = found.getName().toLowerCase(Locale.ROOT);
            return Optional.of(new Document(found.getName(), text, lower.endsWith(".md") || lower.endsWith(".markdown"),
                    truncated));
        }
    }

    /**
     * The icon named by {@code Bundle-Icon} (the one whose {@code size} is nearest 64 pixels), else a
     * conventional {@code icon.png}/{@code icon.svg}. Icons elsewhere (a URL with a scheme) are not
     * fetched; an entry whose bytes do not match its type, or that is too large, is no icon.
     */
    static Optional<Icon> icon(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String header = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Icon");
            List<String> candidates = new ArrayList<>(iconPaths(header));
            candidates.addAll(CONVENTIONAL_ICONS);
            for (String path : candidates) {
                JarEntry entry = file.getJarEntry(path);
                String type = contentType(path);
                if (entry == null || entry.isDirectory() || type == null) {
                    continue;
                }
                byte[] bytes = read(file, entry, MAX_ICON_BYTES + 1);
                if (bytes.length <= MAX_ICON_BYTES && looksLike(type, bytes)) {
                    return Optional.of(new Icon(path, type, bytes));
                }
            }
            return Optional.empty();
        }
    }

    /** The entry paths of a {@code Bundle-Icon} header, the size nearest 64 first. */
    static List<String> iconPaths(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        record Sized(String path, int size) {
        }
        List<Sized> icons = new ArrayList<>();
        for (String clause : header.split(",")) {
            String[] parts = clause.trim().split(";", 2);
            String path = parts[0].trim();
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            // only the jar's own entries: no scheme, no way out
            if (path.isEmpty() || path.contains(":") || path.contains("\\")
                    || Arrays.asList(path.split("/")).contains("..")) {
                continue;
            }
            Matcher size = ICON_SIZE.matcher(parts.length > 1 ? parts[1] : "");
            icons.add(new Sized(path, size.find() ? Integer.parseInt(size.group(1)) : 64));
        }
        return icons.stream().sorted((a, b) -> Integer.compare(Math.abs(a.size() - 64), Math.abs(b.size() - 64)))
                .map(Sized::path).toList();
    }

    static String contentType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        } else if (lower.endsWith(".gif")) {
            return "image/gif";
        } else if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (lower.endsWith(".webp")) {
            return "image/webp";
        } else if (lower.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return null;
    }

    /** Whether the bytes start the way files of this type do (a renamed HTML file is not an icon). */
    static boolean looksLike(String type, byte[] bytes) {
        return switch (type) {
            case "image/png" -> startsWith(bytes, 0, (byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            case "image/gif" -> startsWith(bytes, 0, (byte) 'G', (byte) 'I', (byte) 'F', (byte) '8');
            case "image/jpeg" -> startsWith(bytes, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            case "image/webp" -> startsWith(bytes, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                    && startsWith(bytes, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P');
            case "image/svg+xml" -> new String(bytes, StandardCharsets.UTF_8).contains("<svg");
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, byte... prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** At most {@code limit} bytes of the entry (whatever its declared size says). */
    private static byte[] read(JarFile file, JarEntry entry, int limit) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return in.readNBytes(limit);
        }
    }
}
