package org.milkbottle.marketplace.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.MarketplaceException;

/**
 * Copies a request body, refusing it as soon as it passes a limit (whatever Content-Length claims), or as soon as
 * it arrives slower than {@link #MIN_BYTES_PER_SECOND} on average after a {@link #GRACE_MILLIS} grace: a client
 * trickling a byte a second would otherwise hold a server thread for as long as it likes (Jetty's idle timeout
 * only ends connections that send nothing at all).
 */
final class BoundedBody {

    static final long GRACE_MILLIS = 10_000;
    static final long MIN_BYTES_PER_SECOND = 1024;

    private BoundedBody() {
    }

    /**
     * The client went away in the middle of its body (a cut connection, a client killed, the runtime stopping): no
     * answer can reach it, and it is no server error (Jetty's EofException used to print a stack trace per upload).
     */
    static final class ClientGone extends IOException {
        private static final long serialVersionUID = 1L;

        /** How many bytes of the body had arrived. */
        final long received;

        ClientGone(IOException cause, long received) {
            super("the client closed the connection in the middle of its request body, after " + received
                    + " bytes: " + cause, cause);
            this.received = received;
        }
    }

    /**
     * One read of the request body. A client that stopped sending without closing (the server's idle timeout
     * ended the wait) is told so with a 408; any other failure of the connection is {@link ClientGone}.
     */
    private static int readBody(InputStream in, byte[] buffer, long received)
            throws ClientGone, MarketplaceException {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            if (timedOut(e)) {
                throw new MarketplaceException(Reason.REQUEST_TIMEOUT, "The request body stopped arriving after "
                        + bytes(received) + " and nothing more came until the server's idle timeout: nothing was "
                        + "stored. Send the whole request again.");
            }
            throw new ClientGone(e, received);
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.io.InterruptedIOException) {
                return true; // Jetty's idle timeout; a socket timeout (SocketTimeoutException) on other servers
            }
        }
        return false;
    }

    static String bytes(long count) {
        return count == 1 ? "1 byte" : count + " bytes";
    }

    static void copy(InputStream in, OutputStream out, long limit) throws IOException, MarketplaceException {
        byte[] buffer = new byte[64 * 1024];
        long started = System.nanoTime();
        long total = 0;
        int n;
        while ((n = readBody(in, buffer, total)) > 0) {
            total += n;
            if (total > limit) {
                throw new MarketplaceException(Reason.TOO_LARGE, "The request body is larger than " + limit
                        + " bytes.");
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > GRACE_MILLIS && total * 1000 / millis < MIN_BYTES_PER_SECOND) {
                throw new MarketplaceException(Reason.REQUEST_TIMEOUT, "The request body arrives too slowly ("
                        + total + " bytes in " + millis / 1000 + " s; at least " + MIN_BYTES_PER_SECOND
                        + " bytes a second are needed).");
            }
            out.write(buffer, 0, n);
        }
    }

    static byte[] read(InputStream in, long limit) throws IOException, MarketplaceException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, limit);
        return out.toByteArray();
    }
}
