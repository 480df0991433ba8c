package org.milkbottle.perf.internal.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkbottle.perf.internal.monitor.CommandLineParser.CommandName;

class CommandLineParserTest {

    @Test
    void scopedCommandWithArguments() {
        assertThat(CommandLineParser.firstCommand("hello:greet world")).contains(new CommandName("hello", "greet"));
    }

    @Test
    void bareFunction() {
        assertThat(CommandLineParser.firstCommand("greet")).contains(new CommandName(null, "greet"));
    }

    @Test
    void leadingBlanksAreSkipped() {
        assertThat(CommandLineParser.firstCommand("   \t mb:perf-top -n 5")).contains(new CommandName("mb", "perf-top"));
    }

    @Test
    void pipesAndSequencesGiveTheFirstCommand() {
        assertThat(CommandLineParser.firstCommand("a | b")).contains(new CommandName(null, "a"));
        assertThat(CommandLineParser.firstCommand("mb:list|grep hello")).contains(new CommandName("mb", "list"));
        assertThat(CommandLineParser.firstCommand("lb; mb:list")).contains(new CommandName(null, "lb"));
    }

    @Test
    void anyScopeIsNoScope() {
        assertThat(CommandLineParser.firstCommand("*:help")).contains(new CommandName(null, "help"));
    }

    @Test
    void linesWithoutACommandNameGiveNothing() {
        assertThat(CommandLineParser.firstCommand("")).isEmpty();
        assertThat(CommandLineParser.firstCommand("   ")).isEmpty();
        assertThat(CommandLineParser.firstCommand("$x")).isEmpty();
        assertThat(CommandLineParser.firstCommand("{ echo hi }")).isEmpty();
        assertThat(CommandLineParser.firstCommand("\"quoted\" arg")).isEmpty();
        assertThat(CommandLineParser.firstCommand(null)).isEmpty();
    }
}
