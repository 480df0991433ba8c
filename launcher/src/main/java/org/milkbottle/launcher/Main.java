package org.milkbottle.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import org.milkbottle.core.internal.console.ConsoleArguments;

/**
 * The {@code Main-Class} of the exported runtime. {@code --help}, a usage error and {@code --attach} are answered
 * here, before the framework starts: otherwise asking for the usage would start every bundle, create {@code data/}
 * and {@code deploy/} and bind the HTTP port first. A folder another runtime uses and a busy HTTP port are refused
 * here too ({@link StartChecks}). Every other command line goes to {@link RuntimeFramework} unchanged, which starts
 * the framework; the console reads it again once the framework runs.
 */
public final class Main {

    /** Exit status of a usage error, as the console documents it. */
    private static final int USAGE = 2;

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
        System.exit(RuntimeFramework.run(args, checks.settings(), thisJar()));
    }
}
