package org.milkbottle.core.internal.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The admin socket's answer, as frames: one byte saying what follows ({@link #OUT} standard output,
 * {@link #ERR} standard error, {@link #EXIT} the exit status), a four-byte big-endian length or status, then
 * the bytes. The request is simpler: the commands in UTF-8, then the client shuts its output. The launcher's
 * {@code AttachClient} reads this format; it cannot share this class (it runs before any bundle), so the two
 * are kept in step by {@code AttachIT}.
 */
final class AdminFrames {

    static final byte EXIT = 0;
    static final byte OUT = 1;
    static final byte ERR = 2;

    private final WritableByteChannel channel;

    AdminFrames(WritableByteChannel channel) {
        this.channel = channel;
    }

    /** A stream whose every write is one frame of the given kind. */
    OutputStream stream(byte kind) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (length > 0) {
                    frame(kind, length, bytes, offset);
                }
            }
        };
    }

    void exit(int status) throws IOException {
        frame(EXIT, status, new byte[0], 0);
    }

    /** Frames of standard output and error are written whole, one at a time. */
    private synchronized void frame(byte kind, int lengthOrStatus, byte[] bytes, int offset) throws IOException {
        int length = kind == EXIT ? 0 : lengthOrStatus;
        ByteBuffer buffer = ByteBuffer.allocate(5 + length);
        buffer.put(kind).putInt(lengthOrStatus).put(bytes, offset, length).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
