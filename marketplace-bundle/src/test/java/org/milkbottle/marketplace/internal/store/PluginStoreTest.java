package org.milkbottle.marketplace.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store against embedded H2; {@link PostgresPluginStoreTest} runs the same tests against PostgreSQL. */
class PluginStoreTest {

    @TempDir
    Path dir;

    private javax.sql.DataSource dataSource;
    private PluginStore store;

    /** A new, empty database for one test. */
    javax.sql.DataSource dataSource() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void open() throws Exception {
        dataSource = dataSource();
        store = new PluginStore(new Database(dataSource));
    }

    static VersionRow row(String name, String version) {
        return new VersionRow(name, version, "a".repeat(63) + version.charAt(0), 10, Instant.now(), name + " title",
                "does things", "Acme", "Apache-2.0", "a@b.c", null, null, List.of("tools", "demo"), List.of("greeting"),
                List.of("file-write"), "(&(milkbottle.runtime>=1.0.0)(!(milkbottle.runtime>=2.0.0)))",
                List.of("package org.osgi.framework"), List.of("INFO x: y"));
    }

    @Test
    void migratesOnceAndAgainWithoutHarm() throws Exception {
        assertThat(new Database(dataSource).schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
        assertThat(new Database(dataSource).schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
    }

    @Test
    void versionsAreStoredOnceAndReadBack() throws Exception {
        long before = store.revision();
        store.insert(row("com.acme.tool", "1.0.0"), "alice", () -> { });
        assertThat(store.revision()).isGreaterThan(before);
        assertThatThrownBy(() -> store.insert(row("com.acme.tool", "1.0.0"), "alice", () -> { }))
                .isInstanceOf(PluginStore.DuplicateException.class);
        // the store itself keeps the owner's name theirs (before, only the publisher's check in front of it did)
        assertThatThrownBy(() -> store.insert(row("com.acme.tool", "2.0.0"), "bob", () -> { }))
                .isInstanceOf(PluginStore.NotOwnerException.class).hasMessageContaining("alice");
        store.insert(row("com.acme.tool", "2.0.0"), "alice", () -> { });
        assertThat(store.owner("com.acme.tool")).contains("alice");
        List<VersionRow> rows = store.versions();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).tags()).containsExactly("tools", "demo");
        assertThat(rows.get(0).dependencies()).containsExactly("package org.osgi.framework");
    }

    @Test
    void ratingsReplaceAndDownloadsCount() throws Exception {
        store.insert(row("com.acme.tool", "1.0.0"), "alice", () -> { });
        store.rate("com.acme.tool", "ann", 5, "great");
        store.rate("com.acme.tool", "ann", 2, "meh");
        store.rate("com.acme.tool", "bob", 4, "<script>x</script>");
        assertThat(store.ratingTotals().count()).containsEntry("com.acme.tool", 2);
        assertThat(store.ratingTotals().average().get("com.acme.tool")).isEqualTo(3.0);
        assertThat(store.reviews("com.acme.tool")).extracting(r -> r.text()).contains("meh", "<script>x</script>");

        LocalDate today = LocalDate.now();
        store.countDownload("com.acme.tool", "1.0.0", today, "1.0.0");
        store.countDownload("com.acme.tool", "1.0.0", today, "1.0.0");
        store.countDownload("com.acme.tool", "1.0.0", today, "unknown");
        assertThat(store.downloadTotals().byPlugin()).containsEntry("com.acme.tool", 3L);
        assertThat(store.downloadsPerDay("com.acme.tool")).containsEntry(today, 3L);

        store.countDownload("com.acme.tool", "1.1.0", today.minusDays(1), "1.0.0");
        store.countDownload("com.acme.tool", "1.1.0", today, "1.0.0");
        assertThat(store.downloadsPerVersion("com.acme.tool")).containsOnlyKeys("1.0.0", "1.1.0");
        assertThat(store.downloadsPerVersion("com.acme.tool").get("1.0.0")).containsExactly(Map.entry(today, 3L));
        assertThat(store.downloadsPerVersion("com.acme.tool").get("1.1.0"))
                .containsExactly(Map.entry(today.minusDays(1), 1L), Map.entry(today, 1L));
        assertThat(store.downloadsPerVersion("com.acme.nothing")).isEmpty();
    }

    @Test
    void tokensAreLookedUpByHash() throws Exception {
        store.addToken("f".repeat(64), "alice");
        assertThat(store.tokenOwner("f".repeat(64))).contains("alice");
        assertThat(store.tokenOwner("' OR 1=1 --")).isEmpty();
    }
}
