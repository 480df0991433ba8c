package org.milkbottle.core.internal.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Manifest header parsing with escaped quotes and empty parts (as bnd writes them), and the download stall guard
 * for a connection that, once closed, reads as a normal end of the body.
 */
class HeaderEscapesAndStallTest {

    @Test
    void anEscapedQuoteStaysInsideTheQuotedValue() {
        List<HeaderClause> clauses = HeaderParser.parse(
                "com.example;description=\"say \\\"hi\\\"; then go\";mandatory:=\"a,b\",other");

        assertThat(clauses).hasSize(2);
        assertThat(clauses.get(0).attributes()).containsEntry("description", "say \"hi\"; then go");
        assertThat(clauses.get(0).directives()).containsEntry("mandatory", "a,b");
        assertThat(clauses.get(1).names()).containsExactly("other");
    }

    @Test
    void emptyPartsBetweenSemicolonsAreSkipped() {
        HeaderClause clause = HeaderParser.parse("com.a;;com.b; ;version=1.2").get(0);
        assertThat(clause.names()).containsExactly("com.a", "com.b");
        assertThat(clause.attributes()).containsEntry("version", "1.2");
    }

    @Test
    void aClauseOfOnlyAttributesHasNoNameAndIsRefused() {
        assertThatThrownBy(() -> HeaderParser.parse("com.a,;version=1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header clause without a name: ;version=1");
    }

    @Test
    void singleBytesAreReadThroughTheGuard() throws IOException {
        try (StallGuard guard = new StallGuard(new ByteArrayInputStream(new byte[] {(byte) 0xCA, 7}),
                Duration.ofSeconds(5), "the server")) {
            assertThat(guard.read()).isEqualTo(0xCA);
            assertThat(guard.read()).isEqualTo(7);
            assertThat(guard.read()).isEqualTo(-1);
        }
    }

    @Test
    @Timeout(20)
    void aBodyThatReadsAsItsEndOnceClosedByTheGuardIsAStallNotACompleteDownload() throws IOException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream silent = new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    closed.await(15, TimeUnit.SECONDS); // nothing arrives until the guard closes the connection
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1; // and then it looks like the end of the body
            }

            @Override
            public void close() {
                closed.countDown();
            }
        };
        try (StallGuard guard = new StallGuard(silent, Duration.ofMillis(200), "repo.example.com")) {
            assertThatThrownBy(() -> guard.read(new byte[10], 0, 10)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("repo.example.com sent nothing for ")
                    .hasMessageEndingWith(" s; the download was abandoned");
        }
    }
}
