package org.milkbottle.core.internal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.service.command.CommandProcessor;
import org.milkbottle.api.PluginManager;
import org.milkbottle.core.internal.DataDirectory;
import org.milkbottle.core.internal.console.BatchRunner;
import org.milkbottle.core.internal.console.StatementSplitter;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets an admin run shell commands in a runtime that has no shell (a headless marketplace node): the runtime
 * listens on a Unix domain socket in its data folder, {@code admin/console.sock}, and {@code java -jar
 * milkbottle.jar --attach -c CMDS} sends it commands, which run here as a batch (stop at the first failure,
 * same exit statuses) with their output streamed back. Nothing listens on the network: the socket file is
 * readable and writable by the runtime's user only, in a folder only that user may enter, so who may attach
 * is decided by file permissions, like the data folder itself.
 * <p>
 * Only the runtime that owns the data folder answers: the plugin manager holds the folder's lock, and this
 * component waits for it, so a second runtime started on the folder by mistake cannot take the socket of the
 * first.
 */
@Component(immediate = true)
public class CommandSocket {

    /** Where the socket is, under the data folder. */
    public static final String SOCKET = "admin/console.sock";

    private static final System.Logger LOG = System.getLogger(CommandSocket.class.getName());
    /** Commands longer than this are refused: nobody types them, and reading them must have a bound. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    /** Longest socket path the kernel takes (sun_path is 108 bytes on Linux, 104 on macOS). */
    private static final int MAX_SOCKET_PATH_BYTES = 100;

    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();

    @Reference
    private CommandProcessor processor;

    @Reference
    private RuntimeStages stages;

    /**
     * Not called: held so that this component is active only while the plugin manager is (see the class
     * comment). A field, not a constructor parameter: when the plugin manager fails to start, SCR then warns
     * once instead of adding an error to the start-up failure's few lines.
     */
    @Reference
    private PluginManager owner;

    private Path socket;
    private ServerSocketChannel server;
    private Thread acceptor;

    public CommandSocket() {
    }

    /** For tests, without DS. */
    CommandSocket(CommandProcessor processor) {
        this.processor = processor;
    }

    @Activate
    void activate(BundleContext context) {
        this.socket = DataDirectory.of(context).resolve(SOCKET);
        try {
            server = open(socket);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot open the admin socket " + socket + " (" + e
                    + "); java -jar milkbottle.jar --attach cannot reach this runtime");
            return;
        }
        acceptor = new Thread(this::accept, "milkbottle-admin-socket");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (SocketChannel connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.join(5_000);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Cannot remove " + socket + ": " + e);
        }
    }

    /** Binds the socket, in a folder only this user may enter, and makes it this user's only. */
    static ServerSocketChannel open(Path socket) throws IOException {
        Path folder = socket.getParent();
        Files.createDirectories(folder);
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView("posix");
        if (posix) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
        // a socket file left by a runtime that was killed: this runtime owns the folder now (see the class comment)
        Files.deleteIfExists(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(address(socket));
            if (posix) {
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            }
            // SIGTERM ends the JVM without deactivating components: do not leave a socket nobody answers on
            socket.toFile().deleteOnExit();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    /**
     * The socket's address: its absolute path, or — when that is longer than the kernel takes — its path relative
     * to the working folder, which {@code --attach} also uses, run from the same folder.
     */
    static UnixDomainSocketAddress address(Path socket) {
        Path absolute = socket.toAbsolutePath();
        if (absolute.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES) {
            return UnixDomainSocketAddress.of(absolute);
        }
        return UnixDomainSocketAddress.of(Path.of("").toAbsolutePath().relativize(absolute));
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "The admin socket " + socket + " failed to accept: " + e);
                continue;
            }
            connections.add(connection);
            // one thread per connection: a long command (an install) must not hold up the next admin
            Thread serving = new Thread(() -> serve(connection), "milkbottle-admin-command");
            serving.setDaemon(true);
            serving.start();
        }
    }

    /** Reads the commands until the client shuts its output, runs them, streams the output, sends the status. */
    private void serve(SocketChannel connection) {
        try (connection) {
            byte[] request = Channels.newInputStream(connection).readNBytes(MAX_REQUEST_BYTES + 1);
            AdminFrames frames = new AdminFrames(connection);
            PrintStream out = new PrintStream(frames.stream(AdminFrames.OUT), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(frames.stream(AdminFrames.ERR), true, StandardCharsets.UTF_8);
            int status;
            if (request.length > MAX_REQUEST_BYTES) {
                err.println("milkbottle: the commands are longer than " + MAX_REQUEST_BYTES + " bytes; nothing was run");
                status = 2;
            } else {
                String commands = new String(request, StandardCharsets.UTF_8);
                LOG.log(System.Logger.Level.DEBUG, "Running from the admin socket: " + commands);
                status = new BatchRunner(processor, InputStream.nullInputStream(), out, err, stages)
                        .run(StatementSplitter.split(commands));
            }
            out.flush();
            err.flush();
            frames.exit(status);
        } catch (IOException e) {
            // the client went away (Ctrl-C) or the runtime stops: what ran, ran
            LOG.log(System.Logger.Level.DEBUG, "Admin connection ended: " + e);
        } finally {
            connections.remove(connection);
        }
    }
}
