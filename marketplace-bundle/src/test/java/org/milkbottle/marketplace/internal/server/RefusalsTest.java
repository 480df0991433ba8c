package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;

class RefusalsTest {

    /** Issue 10 #8: clients were answered "Unique index or primary key violation … INSERT INTO plugins". */
    @Test
    void aStorageFailureTellsTheClientWhatToDoButNotTheDatabasesText() {
        MarketplaceException refusal = Refusals.unavailable(new SQLException("Unique index or primary key violation:"
                + " \"PUBLIC.PRIMARY_KEY_E ON PUBLIC.PLUGINS(NAME)\"; SQL statement: INSERT INTO plugins (name, owner,"
                + " created) VALUES (?, ?, ?)", "23505"));

        assertThat(refusal.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(refusal.getMessage()).doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("plugins")
                .doesNotContain("PRIMARY_KEY").contains("23505").contains("Try again");
    }
}
