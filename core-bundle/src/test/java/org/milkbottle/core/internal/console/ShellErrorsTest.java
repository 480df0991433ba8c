package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import java.lang.reflect.InvocationTargetException;

import org.apache.felix.gogo.runtime.Parser;
import org.junit.jupiter.api.Test;

/** Gogo's parser and coercion errors reach the user as what to type instead. */
class ShellErrorsTest {

    private static String parseError(String statement) {
        return ShellErrors.message(statement, catchException(() -> new Parser(statement).program()));
    }

    @Test
    void anUnquotedVersionRangeIsShownQuoted() {
        String message = parseError("mb:install hello@[1.0,2.0)");
        assertThat(message).doesNotContain("array key").contains("in quotes")
                .endsWith("mb:install 'hello@[1.0,2.0)'");
    }

    @Test
    void anUnclosedBraceIsAParseErrorToo() {
        assertThat(parseError("mb:install {")).contains("in quotes").endsWith("mb:install '{'");
    }

    @Test
    void wrongArgumentsNameTheCommandAndItsHelp() {
        String message = ShellErrors.message("mb:list x",
                new IllegalArgumentException("Cannot coerce list(Token) to any of [(boolean)]"));
        assertThat(message).isEqualTo("Wrong arguments for mb:list; 'help mb:list' shows what it takes.");
    }

    @Test
    void otherErrorsSayTheirInnermostMessage() {
        Exception wrapped = new InvocationTargetException(new IllegalStateException("File not found: x.jar"));
        assertThat(ShellErrors.message("mb:install x.jar", wrapped)).isEqualTo("File not found: x.jar");
    }
}
