package org.milkbottle.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

/** Commands read from a pipe run as their lines arrive, not after the end of input. */
class IncrementalBatchTest {

    @Test
    void theSplitterHandsBackEachStatementAsSoonAsItsLineIsComplete() {
        StatementSplitter splitter = new StatementSplitter();
        assertThat(splitter.feed("mb:list\n")).containsExactly("mb:list");
        assertThat(splitter.feed("mb:info")).isEmpty();
        assertThat(splitter.incomplete()).isTrue();
        assertThat(splitter.feed(" hello; mb:health\n")).containsExactly("mb:info hello", "mb:health");
        // a block, a quote and a continued line wait for the line that completes them
        assertThat(splitter.feed("each [1 2] {\n")).isEmpty();
        assertThat(splitter.feed("  echo $it\n")).isEmpty();
        assertThat(splitter.feed("}\n")).containsExactly("each [1 2] {\n  echo $it\n}");
        assertThat(splitter.feed("mb:config x k 'a\n")).isEmpty();
        assertThat(splitter.feed("b'\n")).containsExactly("mb:config x k 'a\nb'");
        assertThat(splitter.feed("mb:info \\\n")).isEmpty();
        assertThat(splitter.feed(" hello\n")).containsExactly("mb:info  hello");
        assertThat(splitter.feed("# a comment; not a statement\n")).isEmpty();
        assertThat(splitter.incomplete()).isFalse();
        assertThat(splitter.feed("mb:history")).isEmpty();
        assertThat(splitter.finish()).containsExactly("mb:history");
    }

    @Test
    void fedCharacterByCharacterItSplitsAsTheWholeScript() {
        String script = "mb:install a.jar; mb:list\n# comment\nmb:config x k 'a;b\\'c'\n"
                + "each [1 2] { echo $it; echo done }\nmb:info \\\n hello\\x\n";
        StatementSplitter splitter = new StatementSplitter();
        List<String> pieces = new java.util.ArrayList<>();
        script.chars().forEach(c -> pieces.addAll(splitter.feed(String.valueOf((char) c))));
        pieces.addAll(splitter.finish());
        assertThat(pieces).isEqualTo(StatementSplitter.split(script)).containsExactly("mb:install a.jar", "mb:list",
                "mb:config x k 'a;b\\'c'", "each [1 2] { echo $it; echo done }", "mb:info  hello\\x");
    }

    @Test
    void eachCommandFromAPipeRunsBeforeTheNextLineIsWritten() throws Exception {
        BlockingQueue<String> executed = new LinkedBlockingQueue<>();
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        BatchRunner runner = new BatchRunner(processor(executed),
                InputStream.nullInputStream(), new PrintStream(out, true), new PrintStream(err, true));
        AtomicInteger status = new AtomicInteger(-1);
        Thread batch = new Thread(() -> status.set(runner.run(
                new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8)))), "batch");
        batch.setDaemon(true);
        batch.start();
        try {
            writer.write("mb:list\n".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            assertThat(executed.poll(10, TimeUnit.SECONDS)).as("ran while the input is still open").isEqualTo("mb:list");
            writer.write("mb:info hello\nfail now\nmb:history\n".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            assertThat(executed.poll(10, TimeUnit.SECONDS)).isEqualTo("mb:info hello");
            assertThat(executed.poll(10, TimeUnit.SECONDS)).isEqualTo("fail now");
        } finally {
            writer.close();
            batch.join(10_000);
        }
        assertThat(batch.isAlive()).isFalse();
        assertThat(status.get()).as("stops at the first failure").isEqualTo(ConsoleLauncher.FAILED);
        assertThat(executed).as("nothing after the failure ran").isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("ran mb:list\nran mb:info hello\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error in 'fail now': ");
    }

    /** A command processor whose sessions record each statement and fail the ones starting with 'fail'. */
    private static CommandProcessor processor(BlockingQueue<String> executed) {
        CommandSession session = (CommandSession) Proxy.newProxyInstance(CommandSession.class.getClassLoader(),
                new Class<?>[] {CommandSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> {
                        String statement = args[0].toString();
                        executed.add(statement);
                        if (statement.startsWith("fail")) {
                            throw new IllegalArgumentException("it failed");
                        }
                        yield "ran " + statement;
                    }
                    case "format" -> String.valueOf(args[0]);
                    default -> null;
                });
        return (CommandProcessor) Proxy.newProxyInstance(CommandProcessor.class.getClassLoader(),
                new Class<?>[] {CommandProcessor.class}, (proxy, method, args) ->
                        method.getName().equals("createSession") ? session : null);
    }
}
