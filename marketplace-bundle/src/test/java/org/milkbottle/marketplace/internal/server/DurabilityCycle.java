package org.milkbottle.marketplace.internal.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.milkbottle.marketplace.internal.store.Database;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One life of a marketplace node's embedded database, in a JVM of its own (run by
 * {@link EmbeddedDatabaseDurabilityTest}): it opens the database as {@link Storage} does, checks that every write an
 * earlier life saw acknowledged is there, makes a few more through the store (tokens and published versions, each
 * recorded once the store returned), and ends as it is told: {@code stop} (the component's close), {@code kill}
 * (the JVM halted with status 137 at a random moment, as by kill -9, while it writes), {@code backup} (an online
 * backup, then a stop, then the backup put in the database's place, as a restore does), or {@code check} (no
 * writes, a stop). Exit 3 with "LOST" says an acknowledged write is gone.
 */
public final class DurabilityCycle {

    private DurabilityCycle() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        String end = args[1];
        Random random = new Random(Long.parseLong(args[2]));
        Path committed = folder.resolve("committed");
        long before = Files.exists(committed) ? Long.parseLong(Files.readString(committed).strip()) : 0;

        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(Storage.embeddedUrl(folder));
        HikariDataSource pool = ConnectionPool.over(direct);
        Database database = new Database(pool, direct, pool::close);
        long found = rows(database);
        if (found < before) {
            System.out.println("LOST: " + before + " writes were acknowledged, " + found + " are in the database");
            Runtime.getRuntime().halt(3);
        }
        if (end.equals("kill")) {
            long delay = random.nextInt(1200);
            Thread killer = new Thread(() -> {
                sleep(delay);
                Runtime.getRuntime().halt(137);
            });
            killer.setDaemon(true);
            killer.start();
        }
        PluginStore store = new PluginStore(database);
        byte[] hash = new byte[32];
        int writes = end.equals("check") ? 0 : 1 + random.nextInt(8);
        for (int i = 0; i < writes; i++) {
            random.nextBytes(hash);
            String hex = HexFormat.of().formatHex(hash);
            if (random.nextBoolean()) {
                store.addToken(hex, "owner-" + random.nextInt(1000));
            } else {
                store.insert(new VersionRow("durability.p" + hex.substring(0, 12), "1.0.0", hex, 1000, Instant.now(),
                        "a plugin", "written by DurabilityCycle", null, null, null, null, null, List.of("test"),
                        List.of(), List.of(), null, List.of(), List.of()), "owner", () -> { });
            }
            record(committed, found + i + 1);
            sleep(random.nextInt(250));
        }
        if (end.equals("kill")) {
            sleep(2000); // the killer comes
        }
        if (end.equals("backup")) {
            Path image = Files.createDirectories(folder.resolve("image"));
            StoreBackup.write(database, image.resolve("db"));
            database.close();
            try (Stream<Path> files = Files.list(image.resolve("db"))) {
                for (Path file : files.toList()) {
                    Files.move(file, folder.resolve("db").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(image.resolve("db"));
            Files.delete(image);
        } else {
            database.close();
        }
        System.out.println("ended by " + end + " after " + writes + " writes");
    }

    /** Tokens and published versions (the seeds are not published here). */
    private static long rows(Database database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT (SELECT COUNT(*) FROM tokens) + (SELECT COUNT(*) FROM versions)")) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Written whole or not at all: a kill while it writes must not leave a half number. */
    private static void record(Path committed, long count) throws Exception {
        Path part = committed.resolveSibling("committed.part");
        Files.writeString(part, Long.toString(count));
        Files.move(part, committed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
