package org.milkbottle.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts Felix with the runtime's bundles and runs the console on the main thread. bnd's launcher did this until
 * start-up was measured (docs/performance.md): it first copied itself and the framework out of the exported jar
 * into temporary jars, loaded them in a class loader of their own, kept a digest file per bundle, and installed or
 * updated the runtime's bundles only after the framework had started with the old ones. Here Felix's classes are
 * in the exported jar itself, the cached bundles are checked against the shipped jars while Felix reads its cache,
 * and a changed bundle is updated before anything starts.
 *
 * <p>The protocol with the runtime is bnd's, which the core knows: a service with the command line
 * ({@code launcher.arguments}, {@code launcher.ready=true}), and a {@code Callable<Integer>} registered with
 * {@code main.thread=true} (the console) that runs on this thread; the process ends with its status once the
 * framework has stopped.
 */
final class RuntimeFramework {

    /** Exit status when the framework stops while the console still runs (e.g. {@code stop 0} in the shell). */
    private static final int STOPPED = 0;
    /** Exit status when the console failed with an exception, or the framework could not start. */
    private static final int FAILED = 1;

    private static final String MAIN = "(&(" + Constants.OBJECTCLASS + "=" + Callable.class.getName()
            + ")(main.thread=true))";

    private final Object mainRegistered = new Object();
    private volatile boolean stopping;
    private volatile Framework framework;

    private RuntimeFramework() {
    }

    /**
     * @param args the command line, for the console
     * @param settings launcher.properties overridden by system properties ({@link StartChecks#settings()})
     * @param jar the exported jar, which carries the runtime's bundles under {@code jar/}
     * @return the process's exit status
     */
    static int run(String[] args, Properties settings, Path jar) {
        RuntimeFramework launcher = new RuntimeFramework();
        try {
            return launcher.launch(args, settings, jar);
        } catch (Exception | LinkageError e) {
            // a framework left running (its dispatch thread is not a daemon) would keep the process alive
            System.err.println("milkbottle: cannot start: " + e + ". Run it again; if this persists, move data/framework "
                    + "aside (the framework cache: plugins are installed again from data/milkbottle).");
            launcher.stopQuietly();
            return FAILED;
        }
    }

    private void stopQuietly() {
        Framework started = framework;
        if (started == null) {
            return;
        }
        stopping = true;
        try {
            started.stop();
            started.waitForStop(10_000);
        } catch (Exception | LinkageError e) {
            System.err.println("milkbottle: stopping the framework failed too: " + e);
        }
    }

    private int launch(String[] args, Properties settings, Path jar) throws Exception {
        StartTrace trace = Boolean.getBoolean(StartTrace.PROPERTY) ? new StartTrace() : null;
        Map<String, String> configuration = configuration(settings);
        Path storage = Path.of(configuration.get(Constants.FRAMEWORK_STORAGE));
        List<ShippedBundles> shipped = ShippedBundles.from(settings);
        Framework framework = new FrameworkFactory().newFramework(configuration);
        this.framework = framework;
        try (JarFile launcher = new JarFile(jar.toFile(), false)) {
            HalfWrittenArchives.remove(storage);
            RuntimeBundleSync.dropDuplicates(storage, shipped);
            framework.init();
            StartTrace.phase(trace, "framework initialised (its cache read)");
            RuntimeBundleSync.synchronize(framework.getBundleContext(), shipped, launcher, storage,
                    pluginLevel(configuration));
            StartTrace.phase(trace, "runtime bundles compared and synchronised");
        }
        BundleContext context = framework.getBundleContext();
        context.registerService(ResolverHookFactory.class, new RuntimeWiringHook(runtimeIds(context, shipped)), null);
        resolveTogether(framework, shipped, 1);
        StartTrace.phase(trace, "level-1 bundles resolved");
        Hashtable<String, Object> launcherProperties = new Hashtable<>();
        launcherProperties.put("launcher.arguments", args);
        launcherProperties.put("launcher.ready", "true");
        context.registerService(Object.class.getName(), new LauncherService(), launcherProperties);
        context.addServiceListener(event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                synchronized (mainRegistered) {
                    mainRegistered.notifyAll();
                }
            }
        }, MAIN);
        watchForStop(framework);
        if (trace != null) {
            context.addBundleListener(trace);
        }
        framework.start();
        StartTrace.phase(trace, "framework started: its beginning level reached");
        Callable<?> console = awaitConsole(context, framework);
        StartTrace.phase(trace, "console ready to run");
        if (trace != null) {
            trace.print(System.err);
        }
        if (console == null) {
            return framework.getState() == Bundle.RESOLVED ? STOPPED : FAILED;
        }
        int status;
        try {
            Object result = console.call();
            status = result instanceof Integer code ? code : 0;
        } catch (Exception | LinkageError e) {
            System.err.println("milkbottle: the console failed: " + e);
            status = FAILED;
        }
        stopping = true;
        framework.stop();
        framework.waitForStop(0); // the console armed a watchdog against a plugin whose stop never returns
        return status;
    }

    /**
     * Resolves the shipped bundles of {@code level} in one run of the resolver before they start. Left to itself,
     * Felix resolves each bundle as the start level reaches it: ~25 runs of the resolver, each setting up its
     * candidates again (measured side by side, bench/startup.sh: a restart 1310 → 1139 ms). A bundle that cannot
     * be resolved stays unresolved, and its start reports why, as before.
     */
    private static void resolveTogether(Framework framework, List<ShippedBundles> shipped, int level) {
        Set<String> locations = new java.util.HashSet<>();
        for (ShippedBundles bundle : shipped) {
            if (bundle.startLevel() == level) {
                locations.add(bundle.location());
            }
        }
        List<Bundle> bundles = new java.util.ArrayList<>();
        for (Bundle bundle : framework.getBundleContext().getBundles()) {
            if (locations.contains(bundle.getLocation())) {
                bundles.add(bundle);
            }
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(bundles);
    }

    private static Set<Long> runtimeIds(BundleContext context, List<ShippedBundles> shipped) {
        Set<Long> ids = new java.util.HashSet<>();
        for (ShippedBundles bundle : shipped) {
            Bundle installed = context.getBundle(bundle.location());
            if (installed != null) {
                ids.add(installed.getBundleId());
            }
        }
        return ids;
    }

    /** The start level of bundles the launcher does not ship: Felix's initial level, 2 in the bndrun. */
    private static int pluginLevel(Map<String, String> configuration) {
        try {
            return Math.max(2, Integer.parseInt(configuration.getOrDefault("felix.startlevel.bundle", "2").trim()));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** Framework properties: the runtime's settings, less bnd's own {@code launch.*} keys, which say how. */
    static Map<String, String> configuration(Properties settings) {
        Map<String, String> configuration = new HashMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (!key.startsWith("launch.")) {
                configuration.put(key, settings.getProperty(key));
            }
        }
        // No framework extension ever runs here (docs/security.md: nobody may extend system.bundle), and Felix would
        // load one from its cache during init(), before the launcher has looked at anything
        configuration.put("felix.extensions.disable", "true");
        configuration.put(Constants.FRAMEWORK_STORAGE,
                Path.of(settings.getProperty(Constants.FRAMEWORK_STORAGE, "data/framework")).toAbsolutePath().toString());
        String packages = settings.getProperty("launch.system.packages");
        if (packages != null && !packages.isBlank()) {
            configuration.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, packages);
        }
        String capabilities = settings.getProperty("launch.system.capabilities");
        if (capabilities != null && !capabilities.isBlank()) {
            configuration.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, capabilities);
        }
        // the bndrun's properties are also system properties, as under bnd's launcher: the JDK's logging format and
        // slf4j-simple's level are read from there
        for (Map.Entry<String, String> entry : configuration.entrySet()) {
            if (System.getProperty(entry.getKey()) == null) {
                System.setProperty(entry.getKey(), entry.getValue());
            }
        }
        return configuration;
    }

    /** Waits for the console's callable; null when the framework stopped first (a bundle of the core failed). */
    private Callable<?> awaitConsole(BundleContext context, Framework framework) throws InterruptedException {
        while (true) {
            synchronized (mainRegistered) {
                if ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                    return null;
                }
                try {
                    ServiceReference<?>[] found = context.getServiceReferences(Callable.class.getName(), "(main.thread=true)");
                    if (found != null && found.length > 0) {
                        Object service = context.getService(found[0]);
                        if (service instanceof Callable<?> callable) {
                            return callable;
                        }
                    }
                } catch (InvalidSyntaxException | IllegalStateException e) {
                    return null; // the framework is stopping
                }
                mainRegistered.wait(250);
            }
        }
    }

    /**
     * Ends the process when the framework stops while the console runs: a shell command ({@code stop 0}) or a
     * plugin stopped it, and a console waiting for input would keep a runtime without bundles alive.
     */
    private void watchForStop(Framework framework) {
        Thread watcher = new Thread(() -> {
            try {
                FrameworkEvent event = framework.waitForStop(0);
                if (!stopping) {
                    System.exit(event.getType() == FrameworkEvent.ERROR ? FAILED : STOPPED);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "milkbottle-framework-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The service that carries the command line; it has nothing else to offer. */
    private static final class LauncherService {
        @Override
        public String toString() {
            return "MilkBottle launcher";
        }
    }
}
