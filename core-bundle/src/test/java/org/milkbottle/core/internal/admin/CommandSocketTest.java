package org.milkbottle.core.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The admin socket: commands in, their output and status out, owner-only, nothing left behind. */
class CommandSocketTest {

    @TempDir
    Path data;

    private final List<String> executed = new CopyOnWriteArrayList<>();

    /** What the client got back. */
    private record Answer(String out, String err, int status) {
    }

    @Test
    void runsTheCommandsAsABatchAndStreamsOutputErrorsAndTheStatusBack() throws Exception {
        CommandSocket socket = new CommandSocket(processor());
        socket.activate(context());
        try {
            Answer ok = send("mb:list; mb:info hello");
            assertThat(ok).isEqualTo(new Answer("ran mb:list\nran mb:info hello\n", "", 0));

            Answer failed = send("mb:list\nfail now\nmb:history");
            assertThat(failed.out()).isEqualTo("ran mb:list\n");
            assertThat(failed.err()).startsWith("Error in 'fail now': ");
            assertThat(failed.status()).isEqualTo(1);
            assertThat(executed).containsExactly("mb:list", "mb:info hello", "mb:list", "fail now");
        } finally {
            socket.deactivate();
        }
        assertThat(socketFile()).as("removed when the runtime stops").doesNotExist();
    }

    @Test
    void onlyTheRuntimesUserMayConnectAndAStaleSocketIsReplaced() throws Exception {
        Files.createDirectories(socketFile().getParent());
        Files.writeString(socketFile(), "left behind by a killed runtime");
        CommandSocket socket = new CommandSocket(processor());
        socket.activate(context());
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFile())))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketFile().getParent())))
                    .isEqualTo("rwx------");
            assertThat(send("mb:list").status()).isZero();
        } finally {
            socket.deactivate();
        }
        assertThatThrownBy(() -> send("mb:list")).isInstanceOf(IOException.class);
    }

    private Path socketFile() {
        return data.resolve(CommandSocket.SOCKET);
    }

    /** The client's side of the protocol, as the launcher's AttachClient speaks it. */
    private Answer send(String commands) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(CommandSocket.address(socketFile()));
            channel.write(ByteBuffer.wrap(commands.getBytes(StandardCharsets.UTF_8)));
            channel.shutdownOutput();
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            while (true) {
                byte kind = in.readByte();
                int value = in.readInt();
                if (kind == AdminFrames.EXIT) {
                    return new Answer(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), value);
                }
                (kind == AdminFrames.ERR ? err : out).write(in.readNBytes(value));
            }
        }
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && "milkbottle.data".equals(args[0])
                        ? data.toString() : null);
    }

    /** Sessions that record each statement and fail the ones starting with 'fail'. */
    private CommandProcessor processor() {
        CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
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
        return (CommandProcessor) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandProcessor.class}, (proxy, method, args) ->
                        method.getName().equals("createSession") ? session : null);
    }
}
