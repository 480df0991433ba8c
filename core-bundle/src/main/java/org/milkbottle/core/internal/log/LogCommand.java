package org.milkbottle.core.internal.log;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.milkbottle.api.PluginException;
import org.milkbottle.core.internal.BundleFinder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code mb:log}: the runtime's recent log entries, or one plugin's, and new ones as they come with --follow. */
@Component(service = LogCommand.class)
@GogoCommand(scope = "mb", function = "log")
public class LogCommand {

    private final RuntimeLog log;
    private final BundleContext context;

    @Activate
    public LogCommand(@Reference RuntimeLog log, BundleContext context) {
        this.log = log;
        this.context = context;
    }

    @Descriptor("show the log's recent entries (since the start; older ones are in data/log): all, or one plugin's; "
            + "--follow prints new ones until Ctrl-C")
    public String log(CommandSession session,
            @Descriptor("only entries at this level or more severe: ERROR, WARN, INFO, DEBUG or TRACE")
            @Parameter(names = {"-l", "--level"}, absentValue = "TRACE") String level,
            @Descriptor("how many entries")
            @Parameter(names = {"-n", "--lines"}, absentValue = "50") int count,
            @Descriptor("keep printing new entries until Ctrl-C")
            @Parameter(names = {"-f", "--follow"}, absentValue = "false", presentValue = "true") boolean follow,
            @Descriptor("a plugin or runtime bundle: symbolic name, name or bundle id") String... name)
            throws InterruptedException {
        LogLevels.Level threshold;
        try {
            threshold = LogLevels.Level.parse(level);
        } catch (IllegalArgumentException e) {
            throw new PluginException("mb:log: " + e.getMessage() + ".");
        }
        if (count < 0) {
            throw new PluginException("mb:log: -n must not be negative (it says how many entries to show).");
        }
        if (name.length > 1) {
            throw new PluginException("mb:log: name one plugin at most (mb:log NAME), or none for all entries.");
        }
        String bundle = name.length == 0 ? null : BundleFinder.find(context, name[0]).getSymbolicName();
        List<LogLine> recent = log.recent(bundle, threshold, count);
        String shown = format(recent, bundle);
        if (!follow) {
            return shown;
        }
        PrintStream out = session.getConsole();
        out.print(shown);
        out.flush();
        BlockingQueue<LogLine> arriving = new LinkedBlockingQueue<>();
        try (AutoCloseable following = log.follow(line -> {
            if ((bundle == null || bundle.equals(line.bundle())) && threshold.lets(line.level())) {
                arriving.add(line);
            }
        })) {
            while (true) {
                out.print(LogLineFormat.text(arriving.take())); // Ctrl-C interrupts the wait
                out.flush();
                if (out.checkError()) {
                    return null; // nobody reads any more (an --attach client that went away)
                }
            }
        } catch (InterruptedException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e); // closing the follower throws nothing
        }
    }

    static String format(List<LogLine> lines, String bundle) {
        if (lines.isEmpty()) {
            return (bundle == null ? "No log entries" : "No log entries of " + bundle) + " since the start at that "
                    + "level. Older ones are in the log files (data/log).\n";
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append(LogLineFormat.text(line)));
        return out.toString();
    }
}
