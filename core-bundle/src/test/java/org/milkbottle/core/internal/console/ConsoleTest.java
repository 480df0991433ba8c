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

    @Test
    void combinationsThatCannotWorkAreUsageErrors() {
        // a blank -c would start the whole runtime and run nothing
        assertThat(ConsoleArguments.parse(List.of("-c", ""), true).error()).contains("-c needs the commands");
        assertThat(ConsoleArguments.parse(List.of("-c", " ", "  "), false).mode()).isEqualTo(ConsoleArguments.Mode.HELP);
        // a headless runtime reads no commands: it started and never returned
        assertThat(ConsoleArguments.parse(List.of("--headless", "-c", "mb:list"), true).error())
                .contains("--headless takes no other option (got '-c')").contains("--attach -c CMDS");
        assertThat(ConsoleArguments.parse(List.of("--headless", "--attach", "-c", "mb:list"), true).mode())
                .isEqualTo(ConsoleArguments.Mode.HELP);
        assertThat(ConsoleArguments.parse(List.of("--attach", "--headless", "-c", "mb:list"), true).error())
                .contains("--attach -c CMDS").contains("'--headless' cannot come with it");
        assertThat(ConsoleArguments.parse(List.of("--attach", "-c", ""), true).error()).contains("--attach -c CMDS");
        assertThat(ConsoleArguments.parse(List.of("--attach", "-c", "mb:list"), true).mode())
                .isEqualTo(ConsoleArguments.Mode.ATTACH);
    }
}
