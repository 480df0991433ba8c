package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void aPlainCommandThatWasNotFoundMayRunAgain() {
        assertThat(Statements.isSimple("mb:search hello", "Command not found: mb:search")).isTrue();
        assertThat(Statements.isSimple("  mb:repo-list  ", "Command not found: mb:repo-list")).isTrue();
        assertThat(Statements.isSimple("mb:market-token 'Ada Lovelace'", "Command not found: mb:market-token"))
                .isTrue();
    }

    @Test
    void aStatementWithAnythingThatRunsBeforeTheMissingCommandIsNotRunAgain() {
        // a nested execution, a pipe, a closure or a variable may have run (and changed something) already
        assertThat(Statements.isSimple("mb:repo-add m (mb:install x)", "Command not found: mb:repo-add")).isFalse();
        assertThat(Statements.isSimple("mb:install x | mb:search y", "Command not found: mb:search")).isFalse();
        assertThat(Statements.isSimple("each [a b] { mb:search $it }", "Command not found: mb:search")).isFalse();
        assertThat(Statements.isSimple("x = mb:search", "Command not found: x")).isFalse();
        // the command not found is not the statement's own
        assertThat(Statements.isSimple("mb:search hello", "Command not found: other")).isFalse();
        assertThat(Statements.isSimple("", "Command not found: ")).isFalse();
    }
}
