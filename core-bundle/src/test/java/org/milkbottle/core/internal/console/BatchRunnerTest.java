package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

/** Batch mode: each statement's result printed on a line of its own, the first failure named, and its status. */
class BatchRunnerTest {

    private final List<String> executed = new ArrayList<>();
    private final List<String> sessionPuts = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final BatchRunner runner = new BatchRunner(processor(), InputStream.nullInputStream(),
            new PrintStream(out, true), new PrintStream(err, true));

    /** Statements starting with 'fail' throw; 'nothing' returns null; 'lines' returns text ending in a newline. */
    private CommandProcessor processor() {
        CommandSession session = (CommandSession) Proxy.newProxyInstance(CommandSession.class.getClassLoader(),
                new Class<?>[] {CommandSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> {
                        String statement = args[0].toString().trim();
                        executed.add(statement);
                        if (statement.startsWith("fail")) {
                            throw new IllegalStateException("hello is not installed",
                                    new RuntimeException("inner"));
                        }
                        yield statement.equals("nothing") ? null : statement.equals("lines") ? "a\nb\n"
                                : statement.equals("empty") ? "" : "ran " + statement;
                    }
                    case "format" -> String.valueOf(args[0]);
                    case "put" -> {
                        sessionPuts.add(args[0] + "=" + args[1]);
                        yield null;
                    }
                    default -> null;
                });
        return (CommandProcessor) Proxy.newProxyInstance(CommandProcessor.class.getClassLoader(),
                new Class<?>[] {CommandProcessor.class}, (proxy, method, args) ->
                        method.getName().equals("createSession") ? session : null);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyStatementRunsInOneSessionWhoseDefaultScopeIsMb() {
        int status = runner.run(List.of("list", "nothing", "lines", "empty", "info hello"));

        assertThat(status).isZero();
        assertThat(sessionPuts).containsExactly("SCOPE=mb:*");
        assertThat(executed).containsExactly("list", "nothing", "lines", "empty", "info hello");
        // a result gets its own line; no result and an empty result print nothing
        assertThat(out()).isEqualTo("ran list\na\nb\nran info hello\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void theFirstFailureStopsTheBatchWithItsStatementAndMessage() {
        int status = runner.run(List.of("list", "fail install x.jar", "history"));

        assertThat(status).isEqualTo(ConsoleLauncher.FAILED);
        assertThat(executed).containsExactly("list", "fail install x.jar");
        assertThat(out()).isEqualTo("ran list\n");
        assertThat(err()).isEqualTo("Error in 'fail install x.jar': hello is not installed"
                + System.lineSeparator());
    }

    @Test
    void aScriptIsSplitIntoStatementsAndAnUnterminatedLastOneStillRuns() {
        int status = runner.run(new BufferedReader(new StringReader("list; info hello\nhistory")));

        assertThat(status).isZero();
        assertThat(executed).containsExactly("list", "info hello", "history");
    }

    @Test
    void exitOrQuitEndsTheBatchAsItLeavesTheShell() {
        assertThat(runner.run(new BufferedReader(new StringReader("list\n  exit \nhistory\n")))).isZero();
        assertThat(runner.run(List.of("info hello", "quit", "history"))).isZero();
        assertThat(runner.run(new BufferedReader(new StringReader("list; quit")))).isZero();

        assertThat(executed).containsExactly("list", "info hello", "list");
        assertThat(err()).isEmpty();
    }

    @Test
    void aFailureInTheLastStatementOfAScriptFailsTheBatch() {
        int status = runner.run(new BufferedReader(new StringReader("list\nfail at the end")));

        assertThat(status).isEqualTo(ConsoleLauncher.FAILED);
        assertThat(err()).startsWith("Error in 'fail at the end': hello is not installed");
    }

    @Test
    void standardInputThatCannotBeReadFailsTheBatchSayingSo() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("Input/output error");
            }

            @Override
            public void close() {
            }
        };

        int status = runner.run(new BufferedReader(broken));

        assertThat(status).isEqualTo(ConsoleLauncher.FAILED);
        assertThat(executed).isEmpty();
        assertThat(err()).isEqualTo("milkbottle: cannot read commands from standard input: Input/output error"
                + System.lineSeparator());
    }
}
