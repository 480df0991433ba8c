package org.milkbottle.core.internal.console;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.felix.service.command.CommandProcessor;
import org.milkbottle.api.PluginManager;
import org.milkbottle.api.RuntimeCapability;
import org.milkbottle.core.internal.DataDirectory;
import org.milkbottle.core.internal.PluginManagerImpl;
import org.milkbottle.core.internal.PluginsStarted;
import org.milkbottle.core.internal.deploy.DeployFolderWatcher;
import org.milkbottle.core.internal.store.StateFileException;
import org.milkbottle.core.internal.store.StateFiles;
import org.milkbottle.core.internal.start.RuntimeStages;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.osgi.service.condition.Condition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Decides, from the command line the launcher received, how the runtime meets its user: an
 * interactive shell, headless, or a batch of commands with an exit status. It is the launcher's
 * main callable ({@code main.thread=true}): the launcher runs it on its main thread, then stops the
 * framework and exits with the status it returns. It only exists under the launcher, which registers
 * the service carrying {@code launcher.arguments}; tests and embedders never see it.
 */
@Component(service = Callable.class, property = "main.thread=true")
public class ConsoleLauncher implements Callable<Integer> {

    /** Exit status when a command failed. */
    static final int FAILED = 1;
    /** Exit status for a usage error. */
    static final int USAGE = 2;

    /** Exit status when the runtime could not start its plugin manager. */
    static final int NOT_STARTED = 3;
    /** Exit status when a state file in the data folder is damaged (empty or not what it should hold). */
    static final int DAMAGED_STATE = 4;
    /** How long a batch waits for the deploy folder's jars, found at start, to be installed before it runs. */
    private static final Duration DEPLOY_FOLDER_WAIT = Duration.ofSeconds(120);

    private final BundleContext context;
    private final CommandProcessor processor;
    private final ConsoleArguments arguments;
    private final RuntimeStages stages;
    private final ServiceComponentRuntime components;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginManager manager;

    /** Registered once recovery is done and the committed plugins were started (see StartGate). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.condition.id=" + PluginsStarted.ID + ")")
    private volatile Condition pluginsStarted;

    /** Present while the deploy folder is watched: a batch waits until the folder as found at start is applied. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeployFolderWatcher deployFolder;

    @Activate
    public ConsoleLauncher(BundleContext context, @Reference CommandProcessor processor,
            @Reference(service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher,
            @Reference RuntimeStages stages, @Reference ServiceComponentRuntime components) {
        this.context = context;
        this.components = components;
        this.processor = processor;
        this.stages = stages;
        Object raw = launcher.get("launcher.arguments");
        List<String> args = raw instanceof String[] array ? Arrays.asList(array) : List.of();
        this.arguments = ConsoleArguments.parse(args, System.console() != null);
    }

    @Override
    public Integer call() throws InterruptedException {
        Duration stopLimit = Duration.ofSeconds(Long.getLong("milkbottle.shutdownTimeoutSeconds", 30));
        CleanStopOnSignal onSignal = CleanStopOnSignal.install((Framework) context.getBundle(0), stopLimit);
        ShutdownWatchdog watchdog = new ShutdownWatchdog(stopLimit);
        int status;
        try {
            status = run();
        } finally {
            onSignal.remove();
        }
        watchdog.arm(status);
        return status;
    }

    private int run() throws InterruptedException {
        if (arguments.mode() == ConsoleArguments.Mode.ATTACH) {
            // the launcher's Main answers --attach before any framework starts; starting one here would share
            // the data folder (and the framework's bundle cache) with the runtime it means to reach
            System.err.println("milkbottle: --attach must be handled by the launcher before the runtime starts, "
                    + "and this one was started instead; nothing was run. Use the launcher's jar (java -jar "
                    + "milkbottle.jar --attach -c CMDS).");
            return USAGE;
        }
        if (arguments.mode() != ConsoleArguments.Mode.HELP && !pluginManagerRunning()) {
            return whyNotStarted();
        }
        switch (arguments.mode()) {
            case HELP -> {
                if (arguments.error() != null) {
                    System.err.println("milkbottle: " + arguments.error());
                    System.err.print(ConsoleArguments.USAGE);
                    return USAGE;
                }
                System.out.print(ConsoleArguments.USAGE);
                return 0;
            }
            case HEADLESS -> {
                stages.shellIdle(); // no shell to keep free: start everything now
                System.out.println("MilkBottle " + RuntimeCapability.version(context)
                        + " is running headless; stop it with SIGTERM (Ctrl-C). Run commands in it from this folder "
                        + "with: java -jar milkbottle.jar --attach -c \"mb:list\"");
                ((Framework) context.getBundle(0)).waitForStop(0);
                return 0;
            }
            case BATCH -> {
                awaitDeployFolder();
                return runBatch();
            }
            case INTERACTIVE -> {
                InteractiveShell.run(context, processor, historyFile(), stages);
                return 0;
            }
            default -> throw new IllegalStateException(arguments.mode().name());
        }
    }

    /** Says why the plugin manager did not start: which state file is damaged, or that the folder is taken. */
    private int whyNotStarted() {
        Path data = DataDirectory.of(context);
        try {
            StateFiles.check(data);
        } catch (StateFileException e) {
            System.err.println("milkbottle: cannot start: " + e.getMessage() + ".");
            return DAMAGED_STATE;
        } catch (IllegalStateException e) {
            System.err.println("milkbottle: cannot start: " + e.getMessage());
            return NOT_STARTED;
        } catch (RuntimeException e) {
            System.err.println("milkbottle: cannot start: the data folder " + data + " cannot be used: " + e);
            return NOT_STARTED;
        }
        System.err.println("milkbottle: cannot start: the plugin manager did not start; the error above says why.");
        return NOT_STARTED;
    }

    private boolean pluginManagerRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (manager == null && System.nanoTime() < deadline && !managerFailedToActivate()) {
            Thread.sleep(20);
        }
        if (manager == null) {
            return false;
        }
        // commands run once the plugins are up (their commands registered), as before the start gate existed
        long started = System.nanoTime() + 120_000_000_000L;
        while (pluginsStarted == null && System.nanoTime() < started) {
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Whether the plugin manager's activation failed (a damaged state file, a folder another runtime holds): the
     * start then says why at once instead of after the whole wait.
     */
    private boolean managerFailedToActivate() {
        ComponentDescriptionDTO description = components.getComponentDescriptionDTO(context.getBundle(),
                PluginManagerImpl.class.getName());
        return description != null && components.getComponentConfigurationDTOs(description).stream()
                .anyMatch(configuration -> configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION);
    }

    /**
     * A batch sees the deploy folder applied: jars dropped in before the start are installed (or refused, with the
     * reason in the log) before its first command, so that {@code -c mb:list} lists them. An interactive shell shows
     * its prompt at once and the folder is applied meanwhile.
     */
    private void awaitDeployFolder() throws InterruptedException {
        DeployFolderWatcher watcher = deployFolder;
        if (watcher != null && !watcher.awaitFirstPass(DEPLOY_FOLDER_WAIT)) {
            System.err.println("milkbottle: the deploy folder was still being applied after "
                    + DEPLOY_FOLDER_WAIT.toSeconds() + " s; the commands run now, beside it.");
        }
    }

    private Path historyFile() {
        return DataDirectory.of(context).resolve("shell.history");
    }

    private int runBatch() {
        String commands = arguments.commands();
        // the process's own streams: System.out may already be Gogo's per-thread stream, and a session
        // writing into it would loop forever as soon as a command prints to System.out
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
        if (commands != null) {
            return new BatchRunner(processor, System.in, stdout, stderr, stages).run(StatementSplitter.split(commands));
        }
        // commands from standard input run as their lines arrive: a program driving the runtime through a
        // pipe sees each result before it writes the next command. The script is the input, so commands
        // get none of their own (as before, when the whole input had been read first)
        BufferedReader script = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new BatchRunner(processor, InputStream.nullInputStream(), stdout, stderr, stages).run(script);
    }
}
