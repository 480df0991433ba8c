package org.milkbottle.marketplace.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;
import org.milkbottle.marketplace.api.MarketplaceException;

/** A request body: copied within its limit; a client gone in the middle is told apart from a server fault. */
class BoundedBodyTest {

    @Test
    void aBodyWithinTheLimitIsCopiedWhole() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 10)).containsExactly(1, 2, 3);
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[20]), 10))
                .isInstanceOf(MarketplaceException.class).hasMessageContaining("larger than 10 bytes");
    }

    @Test
    void aConnectionCutInTheMiddleOfTheBodyIsAClientGoneNotAServerError() {
        InputStream cut = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 5) {
                    return 'x';
                }
                throw new IOException("Early EOF");
            }
        };
        assertThatThrownBy(() -> BoundedBody.copy(cut, OutputStream.nullOutputStream(), 1000))
                .isInstanceOf(BoundedBody.ClientGone.class).hasMessageContaining("Early EOF");
    }

    @Test
    void aClientThatStopsSendingWithoutClosingGetsATimeoutNotAnIncompleteBody() {
        InputStream stalled = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 1) {
                    return 'x';
                }
                // how Jetty ends a blocking read once its idle timeout has passed
                throw new IOException(new java.util.concurrent.TimeoutException("Idle timeout expired: 15000/15000 ms"));
            }
        };
        assertThatThrownBy(() -> BoundedBody.copy(stalled, OutputStream.nullOutputStream(), 1000))
                .isInstanceOfSatisfying(MarketplaceException.class, e -> assertThat(e.reason())
                        .isEqualTo(MarketplaceException.Reason.REQUEST_TIMEOUT))
                .hasMessageContaining("stopped arriving after 1 byte and nothing more came");
    }

    @Test
    void aFailingDestinationIsNotTakenForTheClient() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        assertThatThrownBy(() -> BoundedBody.copy(new ByteArrayInputStream(new byte[] {1}), full, 10))
                .isInstanceOf(IOException.class).isNotInstanceOf(BoundedBody.ClientGone.class);
    }
}
