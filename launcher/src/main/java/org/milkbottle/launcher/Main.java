package org.milkbottle.launcher;

import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import org.milkbottle.core.internal.console.ConsoleArguments;

/**
 * The {@code Main-Class} of the exported runtime. {@code --help}, a usage error and {@code --attach} are answered
 * here, before the bnd launcher starts the framework: otherwise asking for the usage would start every bundle,
 * create {@code data/} and {@code deploy/} and bind the HTTP port first. A folder another runtime uses and a busy
 * HTTP port are refused here too ({@link StartChecks}). Every other command line goes to the bnd launcher
 * unchanged; the console reads it again once the framework runs.
 */
public final class Main {

    /** Exit status of a usage error, as the console documents it. */
    private static final int USAGE = 2;

    /** The bnd launcher's own main class in the exported jar (not on our build path: bnd adds it at export). */
    private static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private Main() {
    }

    private static Path thisJar() {
        try {
            return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }

    public static void main(String[] args) throws Throwable {
        if (args.length > 0 && args[0].equals("--restore")) {
            ConfigFile.apply().ifPresent(problem -> {
                System.err.println("milkbottle: cannot restore: " + problem + ".");
                System.exit(USAGE);
            });
            System.exit(RestoreAtStart.fromCommandLine(Arrays.asList(args), StartChecks.forThisRuntime()));
        }
        ConsoleArguments arguments = ConsoleArguments.parse(Arrays.asList(args), System.console() != null);
        if (arguments.mode() == ConsoleArguments.Mode.HELP) {
            if (arguments.error() != null) {
                System.err.println("milkbottle: " + arguments.error());
                System.err.print(ConsoleArguments.USAGE);
                System.exit(USAGE);
            }
            System.out.print(ConsoleArguments.USAGE);
            System.exit(0);
        }
        if (arguments.mode() == ConsoleArguments.Mode.ATTACH) {
            System.exit(AttachClient.run(arguments.commands())); // talks to the running runtime; starts nothing
        }
        ConfigFile.apply().ifPresent(problem -> {
            System.err.println("milkbottle: cannot start: " + problem + ".");
            System.exit(USAGE);
        });
        StartChecks checks = StartChecks.forThisRuntime();
        checks.refusal().ifPresent(refusal -> {
            System.err.println("milkbottle: cannot start: " + refusal.message() + ".");
            System.exit(refusal.status());
        });
        RestoreAtStart.atStart(checks).ifPresent(problem -> {
            System.err.println("milkbottle: cannot start: " + problem + ".");
            System.exit(RestoreAtStart.REFUSED);
        });
        for (String changed : CachedRuntimeBundles.forgetChanged(checks.frameworkStorage(), thisJar())) {
            System.err.println("milkbottle: warning: the framework cache's copy of the runtime bundle " + changed
                    + " was changed behind the runtime's back; it is written again from the launcher.");
        }
        try {
            Class.forName(BND_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
