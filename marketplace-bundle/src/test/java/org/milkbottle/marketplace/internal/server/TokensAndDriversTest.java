package org.milkbottle.marketplace.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensAndDriversTest {

    @Test
    void tokensAreRandomWellFormedAndStoredOnlyAsAHash() {
        String token = Tokens.create();
        assertThat(Tokens.wellFormed(token)).isTrue();
        assertThat(Tokens.create()).isNotEqualTo(token);
        assertThat(Tokens.hash(token)).hasSize(64).isEqualTo(Tokens.hash(token)).doesNotContain(token.substring(4));
        assertThat(Tokens.wellFormed("' OR 1=1 --")).isFalse();
        assertThat(Tokens.wellFormed(null)).isFalse();
        assertThat(Tokens.wellFormed("mbt_short")).isFalse();
    }

    @Test
    void theJdbcUrlDecidesTheDriver() {
        assertThat(JdbcDrivers.driverClass("")).isEqualTo("org.h2.Driver");
        assertThat(JdbcDrivers.driverClass("jdbc:postgresql://db:5432/m")).isEqualTo("org.postgresql.Driver");
        assertThatThrownBy(() -> JdbcDrivers.driverClass("jdbc:mysql://db/m")).hasMessageContaining("H2 or PostgreSQL");
    }
}
