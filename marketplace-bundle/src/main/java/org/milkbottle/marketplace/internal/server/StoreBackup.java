package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.milkbottle.marketplace.internal.store.Database;

/**
 * The embedded H2 database's part of a backup: an online, consistent copy made by H2's own {@code BACKUP TO} (the
 * database keeps serving meanwhile), unpacked into the data folder's image where the database lives, so that a restore
 * is a plain copy of the image. A PostgreSQL store is backed up with {@code pg_dump} (docs/deployment.md).
 */
final class StoreBackup {

    private StoreBackup() {
    }

    /** Writes the database's files into {@code databaseFolder} (the image's {@code marketplace/db}). */
    static void write(Database database, Path databaseFolder) throws IOException {
        Files.createDirectories(databaseFolder);
        Path zip = Files.createTempFile(databaseFolder.getParent(), "h2-backup-", ".zip");
        Files.delete(zip); // H2 writes the file itself
        try {
            try (Connection connection = database.connect();
                    PreparedStatement checkpoint = connection.prepareStatement("CHECKPOINT");
                    PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                // what was committed a moment ago (a publish) may still be only in memory: written first
                checkpoint.execute();
                backup.setString(1, zip.toString());
                backup.execute();
            } catch (SQLException e) {
                throw new IOException("the marketplace's database could not be backed up: " + e.getMessage(), e);
            }
            try (ZipFile files = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = files.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = databaseFolder.resolve(entry.getName()).normalize();
                    if (entry.isDirectory() || !target.startsWith(databaseFolder)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = files.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
