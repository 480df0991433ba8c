package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.marketplace.internal.store.Database;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A data folder (or a backup) written by H2 2.2.224, the runtime's database before 2026-12-02, opens as it is: its
 * catalog and tokens are there, and it takes new writes. The file is a marketplace node's database from then: five
 * seeds, a token of alice's, and {@code mkt.greeter} 1.0.0.
 */
class OlderDatabaseFileTest {

    private static final String ALICE = "7914acf6cce6b2cdd902cf2a84292ab32dbeb1ddc2ac8936bf2823e49e989ee3";

    @TempDir
    Path folder;

    @Test
    void aDatabaseWrittenByH2_2_2_224OpensWithItsRowsAndTakesNewOnes() throws Exception {
        Path file = Files.createDirectories(folder.resolve("db")).resolve("marketplace.mv.db");
        try (InputStream old = getClass().getResourceAsStream("/h2-2.2.224/marketplace.mv.db")) {
            Files.copy(old, file);
        }
        Database database = open();
        try {
            PluginStore store = new PluginStore(database);
            assertThat(store.versions()).extracting(VersionRow::name).contains("mkt.greeter",
                    "org.milkbottle.example.hello").hasSize(6);
            assertThat(store.tokenOwner(ALICE)).contains("alice");
            store.addToken("b".repeat(64), "bob");
        } finally {
            database.close();
        }
        Database again = open();
        try {
            assertThat(new PluginStore(again).tokenOwner("b".repeat(64))).contains("bob");
        } finally {
            again.close();
        }
    }

    private Database open() throws Exception {
        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(Storage.embeddedUrl(folder));
        HikariDataSource pool = ConnectionPool.over(direct);
        return new Database(pool, direct, pool::close);
    }
}
