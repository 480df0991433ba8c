package org.milkbottle.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What must hold before the framework starts, checked in a few milliseconds so that a runtime that cannot run says
 * so in one line instead of failing half-started (a second runtime on the same folder met H2's and Felix's locks
 * with hundreds of lines of stack traces; a busy HTTP port gave a BindException, an NPE and exit status 0). The
 * runtime checks the folder again when its plugin manager takes the lock: this is the early, readable answer.
 */
final class StartChecks {

    /** Exit status when another runtime uses the folder (as the console's "could not start"). */
    static final int FOLDER_TAKEN = 3;
    /** Exit status when the HTTP port is taken. */
    static final int PORT_TAKEN = 6;
    /** Exit status when a first start has no room for the runtime's bundles. */
    static final int NO_SPACE = 7;
    /** What a first start writes into the framework cache (the runtime's bundles, ~18 MB), with room to spare. */
    static final long FIRST_START_BYTES = 32L * 1024 * 1024;
    /** Below this much free space a start is warned that installs and the store may fail (in MB; a setting). */
    static final String LOW_SPACE_MEGABYTES = "milkbottle.lowDiskWarningMegabytes";

    private final Properties settings;

    private StartChecks(Properties settings) {
        this.settings = settings;
    }

    /** The runtime's settings: the exported jar's launcher.properties, overridden by system properties. */
    static StartChecks forThisRuntime() {
        Properties settings = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/launcher.properties")) {
            if (in != null) {
                settings.load(in);
            }
        } catch (IOException e) {
            // no settings: the defaults below; the runtime reports what it cannot read itself
        }
        settings.putAll(System.getProperties());
        return new StartChecks(settings);
    }

    /** The settings themselves: launcher.properties, overridden by system properties. */
    Properties settings() {
        return settings;
    }

    /** The framework cache folder. */
    Path frameworkStorage() {
        return Path.of(settings.getProperty("org.osgi.framework.storage", "data/framework"));
    }

    /**
     * The runtime's version: that of the core bundle the launcher starts (bnd writes each bundle's version into
     * launcher.properties), without its qualifier; empty when it cannot be told.
     */
    String runtimeVersion() {
        java.util.regex.Matcher core = java.util.regex.Pattern.compile(
                "org\\.milkbottle\\.core;version\\\\?=\"?(\\d+\\.\\d+\\.\\d+)").matcher(
                        settings.getProperty("launch.runbundles.attrs", ""));
        return core.find() ? core.group(1) : "";
    }

    /** MilkBottle's data folder. */
    Path dataFolder() {
        return Path.of(settings.getProperty("milkbottle.data", "data/milkbottle"));
    }

    /** Why the runtime cannot start, and its exit status; empty when it can. */
    Optional<Refusal> refusal() {
        Path data = Path.of(settings.getProperty("milkbottle.data", "data/milkbottle"));
        if (folderTaken(data.resolve("runtime.lock"))) {
            return Optional.of(new Refusal(FOLDER_TAKEN, "another MilkBottle runtime is using " + data.toAbsolutePath()
                    .normalize() + "; stop it (or use it: --attach -c CMDS), or start this one in another folder"));
        }
        Optional<Refusal> space = spaceProblem(data);
        if (space.isPresent()) {
            return space;
        }
        String host = settings.getProperty("org.apache.felix.http.host", "0.0.0.0");
        int port;
        try {
            port = Integer.parseInt(settings.getProperty("org.osgi.service.http.port", "8080").trim());
        } catch (NumberFormatException e) {
            return Optional.empty(); // Felix HTTP reports a port it cannot read
        }
        boolean http = !"false".equalsIgnoreCase(settings.getProperty("org.apache.felix.http.enable", "true").trim());
        if (http && port > 0 && portTaken(host, port)) {
            return Optional.of(new Refusal(PORT_TAKEN, "the HTTP port " + port + " on " + host + " is in use (another "
                    + "runtime or program); choose another one: java -Dorg.osgi.service.http.port=PORT -jar …"));
        }
        return Optional.empty();
    }

    /**
     * A first start without room for the runtime's bundles is refused; any start with little room left is warned
     * (on standard error) and goes on: a restart writes next to nothing, so the runtime can start and say what is
     * wrong instead of failing half-way with a stack trace.
     */
    private Optional<Refusal> spaceProblem(Path data) {
        Path framework = frameworkStorage();
        long usable;
        try {
            Path existing = data.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            usable = existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return Optional.empty();
        }
        long megabytes = usable / (1024 * 1024);
        if (!Files.isDirectory(framework) && usable < FIRST_START_BYTES) {
            return Optional.of(new Refusal(NO_SPACE, "only " + megabytes + " MB are free on the disk of "
                    + data.toAbsolutePath().normalize() + "; a first start writes about 20 MB of runtime bundles "
                    + "there: free some space, or start in a folder on another disk"));
        }
        long warnBelow = Long.getLong(LOW_SPACE_MEGABYTES, 100);
        if (megabytes < warnBelow) {
            System.err.println("milkbottle: warning: only " + megabytes + " MB are free on the disk of "
                    + data.toAbsolutePath().normalize() + "; installing plugins and the marketplace's store may fail "
                    + "until space is freed.");
        }
        return Optional.empty();
    }

    /** Why the runtime does not start. */
    record Refusal(int status, String message) {
    }

    private static boolean folderTaken(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false; // a first start
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release(); // the plugin manager takes it for good once the framework runs
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // not ours to judge: the runtime says what is wrong with its folder
        }
    }

    private static boolean portTaken(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free for it
            socket.bind(new InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
