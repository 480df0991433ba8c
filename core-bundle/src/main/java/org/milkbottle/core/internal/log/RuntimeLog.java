package org.milkbottle.core.internal.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

import org.milkbottle.core.internal.DataDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The runtime's log: what the OSGi Log Service receives (the framework's events, Declarative Services, plugins that
 * log through it) and what java.util.logging receives ({@code System.Logger}: the runtime's own messages, plugins
 * that log that way), each entry with the bundle that logged it, filtered by the configured levels
 * ({@link LogConfig}), written to {@code data/log/milkbottle.0.log} (rotated by size into {@code .1}, {@code .2}, …
 * by java.util.logging's {@link FileHandler}), kept in memory for {@code mb:log}, and handed to whoever follows it.
 */
@Component(service = RuntimeLog.class, configurationPid = LogConfig.PID, immediate = true)
@Designate(ocd = LogConfig.class)
public class RuntimeLog {

    private static final String SCR = "org.apache.felix.scr";

    /** Where the log files go: {@code log} beside MilkBottle's data folder ({@code data/log}). */
    private final Path folder;
    private final Logger root = Logger.getLogger("");
    private final JulCapture julCapture = new JulCapture(this::accept);
    private final List<Consumer<LogLine>> followers = new CopyOnWriteArrayList<>();
    private final Set<String> configuredContexts = new HashSet<>();
    private final Deque<LogLine> recent = new ArrayDeque<>();

    private volatile LogLevels levels;
    private volatile int keep;
    private FileHandler file;
    private FileSettings fileSettings;
    private volatile LoggerAdmin loggerAdmin;

    private final LogListener osgiListener = entry -> accept(new LogLine(java.time.Instant.ofEpochMilli(entry.getTime()),
            level(entry), entry.getBundle() == null ? null : entry.getBundle().getSymbolicName(),
            entry.getLoggerName(), entry.getMessage(), entry.getThreadInfo(),
            JulCapture.stackTrace(entry.getException())));

    /**
     * The entry's level; a service event, which the specification logs at INFO (every registration of every
     * component), counts as DEBUG here: at INFO it would bury everything else.
     */
    private static LogLevels.Level level(org.osgi.service.log.LogEntry entry) {
        LogLevels.Level level = LogLevels.Level.of(entry.getLogLevel());
        boolean serviceEvent = entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.Service");
        return level == LogLevels.Level.INFO && serviceEvent ? LogLevels.Level.DEBUG : level;
    }

    private final UnaryOperator<String> frameworkProperty;

    @Activate
    public RuntimeLog(BundleContext context, LogConfig config, Map<String, Object> properties) {
        this(DataDirectory.of(context).toAbsolutePath().getParent().resolve("log"),
                LogSettings.of(config, properties, context::getProperty), context::getProperty);
    }

    RuntimeLog(Path folder, LogConfig config) {
        this(folder, config, name -> null);
    }

    RuntimeLog(Path folder, LogConfig config, UnaryOperator<String> frameworkProperty) {
        this.folder = folder;
        this.frameworkProperty = frameworkProperty;
        configure(config);
        root.addHandler(julCapture);
    }

    @Modified
    void modified(LogConfig config, Map<String, Object> properties) {
        configure(LogSettings.of(config, properties, frameworkProperty));
    }

    @Deactivate
    void deactivate() {
        root.removeHandler(julCapture);
        synchronized (this) {
            if (file != null) {
                file.close();
                file = null;
            }
        }
    }

    private void configure(LogConfig config) {
        LogLevels configured = LogLevels.of(config.level(), config.bundleLevels());
        FileSettings settings = new FileSettings(Math.max(16, config.maxFileKilobytes()) * 1024L,
                Math.max(1, config.maxFiles()), "json".equalsIgnoreCase(config.format().strip()));
        synchronized (this) {
            // null first: a record's equals is bootstrapped on its first call (~20 ms before the first prompt)
            if (fileSettings == null || !fileSettings.equals(settings)) {
                // the old handler closes first: while it holds milkbottle.0.log's lock, a new one would write to
                // another name (milkbottle.0.log.1)
                if (file != null) {
                    file.close();
                    file = null;
                }
                file = open(settings);
                fileSettings = settings;
            }
            keep = Math.max(100, config.recentEntries());
            levels = configured;
        }
        // java.util.logging must let through what the most verbose threshold wants; the console keeps its own level
        if (root.getLevel() == null || root.getLevel().intValue() > configured.mostVerbose().jul().intValue()) {
            root.setLevel(configured.mostVerbose().jul());
        }
        applyTo(loggerAdmin);
    }

    /** What the log file is opened with: a configuration change that keeps them keeps the file open. */
    private record FileSettings(long limitBytes, int count, boolean json) {
    }

    private FileHandler open(FileSettings settings) {
        try {
            Files.createDirectories(folder);
            // %g: the generation (0 is the current file); a % in the folder's name must not read as one
            String pattern = folder.resolve("milkbottle.%g.log").toString().replace("%", "%%")
                    .replace("%%g", "%g");
            FileHandler opened = new FileHandler(pattern, settings.limitBytes(), settings.count(), true);
            opened.setEncoding(java.nio.charset.StandardCharsets.UTF_8.name());
            opened.setFormatter(new LogLineFormat(settings.json()));
            opened.setLevel(java.util.logging.Level.ALL);
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the log file in " + folder, e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindLogReader(LogReaderService reader) {
        reader.addLogListener(osgiListener);
    }

    void unbindLogReader(LogReaderService reader) {
        reader.removeLogListener(osgiListener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindLoggerAdmin(LoggerAdmin admin) {
        loggerAdmin = admin;
        applyTo(admin);
    }

    void unbindLoggerAdmin(LoggerAdmin admin) {
        if (loggerAdmin == admin) {
            loggerAdmin = null;
        }
    }

    /**
     * The OSGi Log Service creates entries only at the levels its logger contexts allow: the same thresholds there.
     */
    private synchronized void applyTo(LoggerAdmin admin) {
        LogLevels current = levels;
        if (admin == null || current == null) {
            return;
        }
        admin.getLoggerContext(null).setLogLevels(Map.of(org.osgi.service.log.Logger.ROOT_LOGGER_NAME,
                osgi(current.defaultLevel())));
        // Declarative Services logs through the Log Service's levels once there is one, not ds.loglevel: at INFO it
        // says something about every component of every bundle, which cost a fifth of the start-up; its warnings
        // and errors (a component that fails) are what an operator needs, unless a level is configured for it
        if (!current.byBundle().containsKey(SCR)) {
            admin.getLoggerContext(SCR).setLogLevels(Map.of(org.osgi.service.log.Logger.ROOT_LOGGER_NAME,
                    org.osgi.service.log.LogLevel.WARN));
        }
        for (String name : configuredContexts) {
            if (!current.byBundle().containsKey(name) && !name.equals(SCR)) {
                admin.getLoggerContext(name).clear();
            }
        }
        configuredContexts.clear();
        current.byBundle().forEach((bundle, level) -> {
            LoggerContext context = admin.getLoggerContext(bundle);
            context.setLogLevels(Map.of(org.osgi.service.log.Logger.ROOT_LOGGER_NAME, osgi(level)));
            configuredContexts.add(bundle);
        });
    }

    private static org.osgi.service.log.LogLevel osgi(LogLevels.Level level) {
        return org.osgi.service.log.LogLevel.valueOf(level.name());
    }

    /** Takes one entry: written, kept and passed on if its bundle's threshold lets it through. */
    void accept(LogLine line) {
        if (!levels.lets(line)) {
            return;
        }
        synchronized (this) {
            if (file != null) {
                file.publish(new LogLineFormat.Record(line));
                file.flush();
            }
            recent.addLast(line);
            while (recent.size() > keep) {
                recent.removeFirst();
            }
        }
        for (Consumer<LogLine> follower : followers) {
            follower.accept(line);
        }
    }

    /**
     * The last {@code count} entries kept since the start, oldest first: of {@code bundle} only (null: all), at
     * {@code level} or more severe.
     */
    public synchronized List<LogLine> recent(String bundle, LogLevels.Level level, int count) {
        List<LogLine> matching = new ArrayList<>();
        for (LogLine line : recent) {
            if ((bundle == null || bundle.equals(line.bundle())) && level.lets(line.level())) {
                matching.add(line);
            }
        }
        return List.copyOf(matching.subList(Math.max(0, matching.size() - count), matching.size()));
    }

    /** Hands every entry from now on to {@code follower} until the returned handle is closed. */
    public AutoCloseable follow(Consumer<LogLine> follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    /** The folder of the log files. */
    public Path folder() {
        return folder;
    }
}
