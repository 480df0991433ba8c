package org.milkbottle.core.internal.install;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A download body that fails once no byte has arrived for longer than the time-out. The HTTP client's own
 * time-out ends at the response headers; a server that then stops sending would hold an install — and the
 * plugin manager's lock — for as long as the connection lives. A check runs a few times per time-out (on
 * the JDK's delayed executor: no thread of ours) and closes the stream when it has stalled; the read then
 * fails with the reason.
 */
final class StallGuard extends FilterInputStream {

    private final Duration limit;
    private final String what;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean closed;
    private volatile boolean stalled;

    StallGuard(InputStream in, Duration limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
        scheduleCheck();
    }

    private void scheduleCheck() {
        long period = Math.max(20, limit.toMillis() / 4);
        CompletableFuture.runAsync(this::check, CompletableFuture.delayedExecutor(period, TimeUnit.MILLISECONDS));
    }

    private void check() {
        if (closed) {
            return;
        }
        if (System.nanoTime() - lastProgress > limit.toNanos()) {
            stalled = true;
            try {
                in.close(); // ends a read blocked on the connection
            } catch (IOException e) {
                // the read fails with the stall either way
            }
            return;
        }
        scheduleCheck();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw stalled ? stall() : e;
        }
        if (stalled) {
            throw stall(); // a closed body may read as its end: it is not
        }
        lastProgress = System.nanoTime();
        return n;
    }

    private IOException stall() {
        return new IOException(what + " sent nothing for " + limit.toSeconds() + " s; the download was abandoned");
    }

    @Override
    public void close() throws IOException {
        closed = true;
        in.close();
    }
}
