package org.milkbottle.validation.internal.rules;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells a counter every byte read (or skipped) from a stream, so that the counter can stop an entry
 * that inflates past its limit — whatever size the archive claims — by throwing.
 */
public final class CountedInputStream extends FilterInputStream {

    /** Receives each amount read; throws to stop the reading. */
    @FunctionalInterface
    public interface Counter {
        void read(long bytes) throws IOException;
    }

    private final Counter counter;
    private final boolean closesSource;

    /**
     * @param closesSource whether closing this stream closes {@code in} (not for an entry of an enclosing
     *        zip stream, which moves on to its next entry itself)
     */
    public CountedInputStream(InputStream in, Counter counter, boolean closesSource) {
        super(in);
        this.counter = counter;
        this.closesSource = closesSource;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        counter.read(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        counter.read(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counter.read(Math.max(skipped, 0));
        return skipped;
    }

    @Override
    public void close() throws IOException {
        if (closesSource) {
            super.close();
        }
    }
}
