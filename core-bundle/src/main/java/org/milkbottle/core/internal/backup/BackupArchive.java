package org.milkbottle.core.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup archive: a zip of an image of MilkBottle's data folder ({@code data/...}) and a manifest
 * ({@value #MANIFEST}: the format, the runtime's version, when, and the SHA-256 and size of every file). Written to
 * a temporary file and moved into place, so a crash leaves no half archive under the name; read back only after every
 * file has been checked against the manifest, so a truncated or changed archive is refused before anything is
 * written. JDK only: the launcher restores with it before any bundle runs.
 */
public final class BackupArchive {

    /** The format this runtime writes and reads. */
    public static final int FORMAT = 1;
    static final String MANIFEST = "MANIFEST.properties";
    static final String DATA = "data/";

    private BackupArchive() {
    }

    /** What the manifest says. */
    public record Manifest(int format, String runtimeVersion, Instant created, Map<String, String> sha256,
            Map<String, Long> sizes) {
    }

    /** An archive that cannot be restored, and why. */
    public static final class BadArchive extends IOException {

        private static final long serialVersionUID = 1L;

        BadArchive(Path archive, String why) {
            super(archive + " cannot be restored: " + why);
        }
    }

    /** Writes the files under {@code image} as the archive {@code target} (replacing it only once complete). */
    public static Manifest write(Path image, Path target, String runtimeVersion, Instant created) throws IOException {
        Map<String, String> sha256 = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(image)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path part = Files.createTempFile(parent, target.getFileName().toString(), ".part");
        try {
            try (OutputStream file = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Path path : files) {
                    String name = DATA + image.relativize(path).toString().replace('\\', '/');
                    zip.putNextEntry(new ZipEntry(name));
                    MessageDigest digest = sha256();
                    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
                        sizes.put(name, in.transferTo(zip));
                    }
                    sha256.put(name, HexFormat.of().formatHex(digest.digest()));
                    zip.closeEntry();
                }
                Properties manifest = new Properties();
                manifest.setProperty("format", Integer.toString(FORMAT));
                manifest.setProperty("runtime.version", runtimeVersion);
                manifest.setProperty("created", created.toString());
                manifest.setProperty("files", Integer.toString(sha256.size()));
                sha256.forEach((name, hash) -> manifest.setProperty("sha256." + name, hash));
                sizes.forEach((name, size) -> manifest.setProperty("size." + name, Long.toString(size)));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "MilkBottle backup");
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
        return new Manifest(FORMAT, runtimeVersion, created, sha256, sizes);
    }

    /**
     * Checks {@code archive} whole: a zip that opens, a manifest of this format, every file in it listed with its
     * size and SHA-256 and no file missing, no name that leaves the data folder. Nothing is written.
     */
    public static Manifest verify(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new BadArchive(archive, "there is no such file");
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Manifest manifest = manifest(archive, zip);
            List<String> seen = new ArrayList<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.equals(MANIFEST) || entry.isDirectory()) {
                    continue;
                }
                if (!safe(name)) {
                    throw new BadArchive(archive, "it holds a file outside the data folder (" + name + ")");
                }
                String expected = manifest.sha256().get(name);
                if (expected == null) {
                    throw new BadArchive(archive, "it holds a file its manifest does not list (" + name + ")");
                }
                MessageDigest digest = sha256();
                long size;
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    size = in.transferTo(OutputStream.nullOutputStream());
                }
                if (size != manifest.sizes().getOrDefault(name, -1L)
                        || !HexFormat.of().formatHex(digest.digest()).equals(expected)) {
                    throw new BadArchive(archive, name + " differs from what the manifest recorded: the archive was "
                            + "changed or damaged after it was written");
                }
                seen.add(name);
            }
            List<String> missing = new ArrayList<>(manifest.sha256().keySet());
            missing.removeAll(seen);
            if (!missing.isEmpty()) {
                throw new BadArchive(archive, "files the manifest lists are missing: " + missing);
            }
            return manifest;
        } catch (ZipException e) {
            throw new BadArchive(archive, "it is not a complete zip archive (" + e.getMessage() + "); it may have "
                    + "been cut short while it was written or copied");
        }
    }

    /**
     * Verifies {@code archive}, then writes its data folder image into {@code folder}, which must not exist yet: every
     * file checked against the manifest again as it is written (the archive might change in between), readable by
     * this user only (the image holds keys), and forced to disk, so that a rename of the folder after this returns
     * publishes complete files.
     */
    public static Manifest extract(Path archive, Path folder) throws IOException {
        Manifest manifest = verify(archive);
        Files.createDirectories(folder.getParent());
        createPrivateDirectory(folder);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (String name : manifest.sha256().keySet()) {
                Path target = folder.resolve(name.substring(DATA.length())).normalize();
                ZipEntry entry = zip.getEntry(name);
                if (!target.startsWith(folder) || entry == null) {
                    throw new BadArchive(archive, "it changed while it was restored (" + name + ")");
                }
                createPrivateDirectories(target.getParent());
                createPrivateFile(target);
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
                        FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    in.transferTo(java.nio.channels.Channels.newOutputStream(out));
                    out.force(true);
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.sha256().get(name))) {
                    throw new BadArchive(archive, "it changed while it was restored (" + name + ")");
                }
            }
        }
        return manifest;
    }

    /**
     * Refuses a backup that a newer MilkBottle wrote (its major version above {@code runtimeVersion}'s): its state
     * files may say what this runtime cannot read. A version that cannot be read is left to the format check.
     */
    public static void requireNotNewer(Path archive, Manifest manifest, String runtimeVersion) throws BadArchive {
        int backup = major(manifest.runtimeVersion());
        int runtime = major(runtimeVersion);
        if (backup >= 0 && runtime >= 0 && backup > runtime) {
            throw new BadArchive(archive, "it is a backup of MilkBottle " + manifest.runtimeVersion() + ", newer than "
                    + "this runtime (" + runtimeVersion + "); restore it with that version");
        }
    }

    private static int major(String version) {
        java.util.regex.Matcher major = java.util.regex.Pattern.compile("(\\d{1,9})(\\..*)?").matcher(
                version == null ? "" : version.strip());
        return major.matches() ? Integer.parseInt(major.group(1)) : -1;
    }

    private static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix");

    /** A new empty file only this user may read and write (where the file system has POSIX permissions). */
    public static void createPrivateFile(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void createPrivateDirectories(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            createPrivateDirectories(folder.getParent());
            createPrivateDirectory(folder);
        }
    }

    private static void createPrivateDirectory(Path folder) throws IOException {
        if (POSIX) {
            Files.createDirectory(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(folder);
        }
    }

    private static Manifest manifest(Path archive, ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BadArchive(archive, "it has no " + MANIFEST + "; it is not a MilkBottle backup");
        }
        Properties properties = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            properties.load(in);
        } catch (IllegalArgumentException e) {
            throw new BadArchive(archive, "its manifest cannot be read (" + e.getMessage() + ")");
        }
        String format = properties.getProperty("format", "");
        if (!format.equals(Integer.toString(FORMAT))) {
            throw new BadArchive(archive, "it is a backup of format " + (format.isEmpty() ? "unknown" : format)
                    + "; this runtime reads format " + FORMAT + " (restore it with the MilkBottle that wrote it)");
        }
        Map<String, String> sha256 = new TreeMap<>();
        Map<String, Long> sizes = new TreeMap<>();
        try {
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("sha256.")) {
                    String name = key.substring("sha256.".length());
                    sha256.put(name, properties.getProperty(key));
                    sizes.put(name, Long.parseLong(properties.getProperty("size." + name, "-1")));
                }
            }
            if (sha256.size() != Integer.parseInt(properties.getProperty("files", "-1"))) {
                throw new BadArchive(archive, "its manifest lists " + sha256.size() + " files but says "
                        + properties.getProperty("files"));
            }
            return new Manifest(FORMAT, properties.getProperty("runtime.version", "unknown"),
                    Instant.parse(properties.getProperty("created", "1970-01-01T00:00:00Z")), sha256, sizes);
        } catch (RuntimeException e) {
            throw new BadArchive(archive, "its manifest is damaged (" + e.getMessage() + ")");
        }
    }

    private static boolean safe(String name) {
        return name.startsWith(DATA) && name.length() > DATA.length() && !name.contains("\\") && !name.contains(":")
                && Stream.of(name.split("/", -1)).noneMatch(part -> part.equals("..") || part.equals(".")
                        || part.isEmpty());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
