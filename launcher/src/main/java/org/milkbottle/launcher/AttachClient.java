package org.milkbottle.launcher;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar milkbottle.jar --attach -c CMDS}: sends the commands to the runtime already running in this
 * working folder, through the Unix domain socket it listens on ({@code data/milkbottle/admin/console.sock},
 * see core's {@code CommandSocket}), prints what they print and exits with their status. It starts no
 * framework and takes no lock, so it works next to the running runtime — a headless marketplace node has no
 * shell, and this is how its admin runs {@code mb:market-token}.
 */
public final class AttachClient {

    /** Exit status when no runtime answers on this folder's socket. */
    public static final int NO_RUNTIME = 5;
    /** Exit status when the runtime went away before it sent the commands' status. */
    private static final int FAILED = 1;

    private static final byte EXIT = 0;
    private static final byte OUT = 1;
    private static final byte ERR = 2;
    private static final int MAX_SOCKET_PATH_BYTES = 100;

    private AttachClient() {
    }

    /** For running the client on its own: {@code AttachClient CMDS…}. */
    public static void main(String[] args) {
        System.exit(run(String.join(" ", args)));
    }

    /** Runs {@code commands} in the runtime of the data folder in the working folder; returns the exit status. */
    public static int run(String commands) {
        return run(commands, dataFolder(), System.out, System.err);
    }

    static int run(String commands, Path data, PrintStream out, PrintStream err) {
        Path socket = data.resolve("admin").resolve("console.sock");
        if (!Files.exists(socket)) {
            err.println(notRunning(data, "there is no " + socket));
            return NO_RUNTIME;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(address(socket));
            } catch (SocketException e) {
                String reason = String.valueOf(e.getMessage());
                if (reason.contains("ermission")) {
                    err.println("milkbottle: cannot attach to the runtime on " + data + ": permission denied on "
                            + socket + "; attach as the user that started the runtime");
                    return NO_RUNTIME;
                }
                // a socket file left by a runtime that was killed: nobody listens
                err.println(notRunning(data, "nothing answers on " + socket + ": " + reason));
                return NO_RUNTIME;
            }
            ByteBuffer request = ByteBuffer.wrap(commands.getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            channel.shutdownOutput();
            return answer(Channels.newInputStream(channel), out, err);
        } catch (IOException e) {
            err.println("milkbottle: the connection to the runtime on " + data + " failed: " + e);
            return FAILED;
        }
    }

    /** Copies the output frames to standard output and error; returns the status frame's. */
    private static int answer(InputStream in, PrintStream out, PrintStream err) throws IOException {
        DataInputStream frames = new DataInputStream(in);
        while (true) {
            byte kind;
            int value;
            try {
                kind = frames.readByte();
                value = frames.readInt();
            } catch (EOFException e) {
                out.flush();
                err.println("milkbottle: the runtime closed the connection before the commands finished (did it "
                        + "stop?)");
                return FAILED;
            }
            if (kind == EXIT) {
                out.flush();
                err.flush();
                return value;
            }
            byte[] bytes = frames.readNBytes(value);
            PrintStream target = kind == ERR ? err : out;
            if (kind == ERR) {
                out.flush();
            }
            target.write(bytes, 0, bytes.length);
            target.flush();
        }
    }

    private static String notRunning(Path data, String why) {
        return "milkbottle: no MilkBottle runtime is running on " + data + "; start one in this folder with "
                + "'java -jar milkbottle.jar --headless', or run --attach in the folder it runs in (" + why + ")";
    }

    /** The runtime's data folder: {@code data/milkbottle} in the working folder, as the launcher configures it. */
    private static Path dataFolder() {
        return Path.of(System.getProperty("milkbottle.data", "data/milkbottle")).toAbsolutePath();
    }

    /** As the runtime binds it: the absolute path, or relative to the working folder when that is too long. */
    private static UnixDomainSocketAddress address(Path socket) {
        Path absolute = socket.toAbsolutePath();
        if (absolute.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES) {
            return UnixDomainSocketAddress.of(absolute);
        }
        return UnixDomainSocketAddress.of(Path.of("").toAbsolutePath().relativize(absolute));
    }
}
