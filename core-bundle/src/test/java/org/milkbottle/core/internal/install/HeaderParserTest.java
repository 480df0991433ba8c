package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeaderParserTest {

    @Test
    void quotedCommasAndSemicolonsDoNotSplitClauses() {
        List<HeaderClause> clauses = HeaderParser.parse(
                "a.b;version=\"[1.0,2.0)\";resolution:=optional, c.d;e.f;version=1.2, "
                        + "ns;filter:=\"(&(x=1)(y>=2))\";attr:Version=\"3.0\"");
        assertThat(clauses).hasSize(3);
        assertThat(clauses.get(0).name()).isEqualTo("a.b");
        assertThat(clauses.get(0).attributes()).containsEntry("version", "[1.0,2.0)");
        assertThat(clauses.get(0).optional()).isTrue();
        assertThat(clauses.get(1).names()).containsExactly("c.d", "e.f");
        assertThat(clauses.get(2).directives()).containsEntry("filter", "(&(x=1)(y>=2))");
        assertThat(clauses.get(2).attributes()).containsEntry("attr", "3.0");
        assertThat(clauses.get(2).types()).containsEntry("attr", "Version");
    }

    @Test
    void emptyHeaderHasNoClausesAndBrokenQuotesAreRefused() {
        assertThat(HeaderParser.parse(null)).isEmpty();
        assertThat(HeaderParser.parse("  ")).isEmpty();
        assertThatThrownBy(() -> HeaderParser.parse("a;version=\"1.0")).hasMessageContaining("unbalanced quotes");
        assertThatThrownBy(() -> HeaderParser.parse("version=1")).hasMessageContaining("without a name");
    }
}
