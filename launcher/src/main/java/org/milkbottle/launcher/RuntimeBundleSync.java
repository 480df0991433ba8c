package org.milkbottle.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Makes the framework's installed runtime bundles those the launcher ships, before the framework starts: installs
 * what is missing, updates what differs from the shipped jar, uninstalls a runtime bundle the launcher no longer
 * ships (a newer build renamed it, or something planted it), and gives each its start level and marks it started.
 * Plugins (any bundle whose location is not a shipped {@code jar/…}) are the plugin manager's; the launcher only
 * makes sure none sits below the plugins' start level, where it would start before the runtime is ready to judge it.
 *
 * <p>Nothing is resolved yet at this point (Felix resolves when the framework starts), so an update replaces the
 * bundle's content at once, without a refresh.
 */
final class RuntimeBundleSync {

    /** Location prefix of the runtime's own bundles: their path inside the exported jar. */
    static final String PREFIX = "jar/";
    /**
     * What the launcher last installed, location → the shipped jar's SHA-256 from the exported jar's manifest. It
     * only tells a cached copy changed behind the runtime's back (warned) from a newer launcher's jar (quiet): the
     * decision to rewrite a copy is made on its bytes, so a changed record changes a message, nothing more.
     */
    static final String RECORD = "milkbottle-runtime-bundles.properties";

    private RuntimeBundleSync() {
    }

    /**
     * @param pluginLevel the lowest start level of a bundle the launcher does not ship ({@code felix.startlevel.bundle})
     */
    static void synchronize(BundleContext context, List<ShippedBundles> shipped, JarFile launcher, Path storage,
            int pluginLevel) throws IOException, BundleException {
        Manifest manifest = launcher.getManifest();
        Properties record = readRecord(storage);
        boolean recordChanged = false;
        Set<String> locations = new HashSet<>();
        for (ShippedBundles bundle : shipped) {
            locations.add(bundle.location());
            ZipEntry entry = launcher.getEntry(bundle.location());
            if (entry == null) {
                throw new IOException("the exported jar lacks " + bundle.location() + "; build it again");
            }
            String digest = digest(manifest, bundle.location());
            Bundle installed = context.getBundle(bundle.location());
            if (installed == null) {
                try (InputStream in = launcher.getInputStream(entry)) {
                    installed = context.installBundle(bundle.location(), in);
                }
            } else if (!CachedRuntimeBundles.runsShipped(installed, storage, launcher, entry)) {
                if (digest != null && digest.equals(record.getProperty(bundle.location()))) {
                    System.err.println("milkbottle: warning: the framework cache's copy of the runtime bundle "
                            + bundle.location() + " was changed behind the runtime's back; it is written again from "
                            + "the launcher.");
                }
                try (InputStream in = launcher.getInputStream(entry)) {
                    installed.update(in);
                }
            }
            if (digest != null && !digest.equals(record.getProperty(bundle.location()))) {
                record.setProperty(bundle.location(), digest);
                recordChanged = true;
            }
            BundleStartLevel level = installed.adapt(BundleStartLevel.class);
            if (level.getStartLevel() != bundle.startLevel()) {
                level.setStartLevel(bundle.startLevel());
            }
            if (installed.getHeaders("").get(Constants.FRAGMENT_HOST) == null && !level.isPersistentlyStarted()) {
                installed.start(Bundle.START_ACTIVATION_POLICY); // marks it; it starts when its level is reached
            }
        }
        for (Bundle installed : context.getBundles()) {
            String location = installed.getLocation();
            if (installed.getBundleId() == 0) {
                continue;
            }
            if (locations.contains(location)) {
                continue; // the one runtime bundle at its location (dropDuplicates), checked above
            }
            if (location.startsWith(PREFIX)) {
                // a runtime location the launcher does not ship: an older launcher's (its record names it: an
                // upgrade, said nothing of), or planted (warned)
                boolean shippedBefore = record.remove(location) != null;
                if (!shippedBefore) {
                    System.err.println("milkbottle: warning: bundle " + installed.getBundleId() + " at " + location
                            + " is not one the launcher ships; it is uninstalled.");
                }
                installed.uninstall();
                recordChanged |= shippedBefore;
                continue;
            }
            // Only the runtime's own bundles start before the plugin manager has recovered and the validator runs:
            // a bundle below the plugins' level (written into the cache, or moved there by a plugin) is put back
            BundleStartLevel level = installed.adapt(BundleStartLevel.class);
            if (level.getStartLevel() < pluginLevel) {
                System.err.println("milkbottle: warning: bundle " + installed.getBundleId() + " ("
                        + installed.getSymbolicName() + ", " + location + ") sat at start level " + level.getStartLevel()
                        + ", among the runtime's own bundles; it is moved to the plugins' level " + pluginLevel + ".");
                level.setStartLevel(pluginLevel);
            }
        }
        if (recordChanged) {
            writeRecord(storage, record);
        }
    }

    /**
     * Before Felix reads its cache: removes every cache folder at a shipped location that another folder claims too.
     * Felix keeps one bundle per location but loads every folder, the last one read winning the location, so a
     * second folder written in under a runtime bundle's location would be taken for it (and uninstalling either
     * through Felix afterwards leaves its maps inconsistent). Both go; the shipped jar is installed afresh.
     */
    static void dropDuplicates(Path storage, List<ShippedBundles> shipped) throws IOException {
        if (!Files.isDirectory(storage)) {
            return;
        }
        Set<String> locations = new HashSet<>();
        shipped.forEach(bundle -> locations.add(bundle.location()));
        java.util.Map<String, List<Path>> byLocation = new java.util.HashMap<>();
        try (java.nio.file.DirectoryStream<Path> folders = Files.newDirectoryStream(storage, "bundle*")) {
            for (Path folder : folders) {
                Path info = folder.resolve("bundle.info");
                if (!Files.isRegularFile(info)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(info, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (lines.size() > 1 && locations.contains(lines.get(1).trim())) {
                    byLocation.computeIfAbsent(lines.get(1).trim(), l -> new java.util.ArrayList<>()).add(folder);
                }
            }
        }
        for (java.util.Map.Entry<String, List<Path>> entry : byLocation.entrySet()) {
            if (entry.getValue().size() > 1) {
                System.err.println("milkbottle: warning: " + entry.getValue().size() + " bundles in the framework cache "
                        + "claim the runtime's location " + entry.getKey() + " " + entry.getValue()
                        + "; all are removed and the shipped jar is installed again.");
                for (Path folder : entry.getValue()) {
                    deleteTree(folder);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String digest(Manifest manifest, String location) {
        Attributes attributes = manifest == null ? null : manifest.getAttributes(location);
        return attributes == null ? null : attributes.getValue("SHA-256-Digest");
    }

    private static Properties readRecord(Path storage) throws IOException {
        Properties record = new Properties();
        Path file = storage.resolve(RECORD);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                record.load(in);
            } catch (IllegalArgumentException damaged) {
                record.clear(); // only messages depend on it
            }
        }
        return record;
    }

    private static void writeRecord(Path storage, Properties record) throws IOException {
        Files.createDirectories(storage);
        Path temp = storage.resolve(RECORD + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            record.store(out, "the runtime bundles the launcher installed (SHA-256 of the shipped jars)");
        }
        Files.move(temp, storage.resolve(RECORD), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
