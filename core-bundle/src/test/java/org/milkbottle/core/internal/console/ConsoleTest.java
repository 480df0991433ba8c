package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConsoleTest {

    @Test
    void splitsStatementsOutsideQuotesAndBlocks() {
        assertThat(StatementSplitter.split("mb:install a.jar; mb:list\n# comment\nmb:config x k 'a;b'\n"
                + "each [1 2] { echo $it; echo done }\nmb:info \\\n hello"))
                .containsExactly("mb:install a.jar", "mb:list", "mb:config x k 'a;b'",
                        "each [1 2] { echo $it; echo done }", "mb:info  hello");
        assertThat(StatementSplitter.split(" ; \n ")).isEmpty();
    }

    @Test
    void commandLineChoosesTheMode() {
        assertThat(ConsoleArguments.parse(List.of(), true).mode()).isEqualTo(ConsoleArguments.Mode.INTERACTIVE);
        assertThat(ConsoleArguments.parse(List.of(), false).mode()).isEqualTo(ConsoleArguments.Mode.BATCH);
        ConsoleArguments batch = ConsoleArguments.parse(List.of("-c", "mb:list;", "mb:history"), true);
        assertThat(batch.mode()).isEqualTo(ConsoleArguments.Mode.BATCH);
        assertThat(batch.commands()).isEqualTo("mb:list; mb:history");
        assertThat(ConsoleArguments.parse(List.of("--headless"), true).mode()).isEqualTo(ConsoleArguments.Mode.HEADLESS);
        assertThat(ConsoleArguments.parse(List.of("-c"), true).error()).contains("needs the commands");
        assertThat(ConsoleArguments.parse(List.of("--what"), true).error()).contains("unknown option '--what'");
    }
}
