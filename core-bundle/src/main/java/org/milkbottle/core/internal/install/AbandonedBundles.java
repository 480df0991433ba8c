package org.milkbottle.core.internal.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.milkbottle.api.PluginException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Bundles whose start or stop did not return within the limit. Felix 7 holds a bundle's lock for as long as
 * its activator runs, and any other start, stop, update or uninstall of that bundle waits for the lock with
 * no time limit; a refresh that includes it waits while holding the framework's global lock, which then stalls
 * every lifecycle call of every bundle. So MilkBottle never calls into the framework on such a bundle while it
 * serves a request: it forgets the bundle's record (it is no longer part of the managed state), refuses
 * requests that name it, and leaves a reaper thread waiting to uninstall it once its code returns.
 *
 * <p>The list is kept in a file, so that a bundle still held when the runtime stops is uninstalled at the next
 * start. It does not run there: it was started transiently, or its stop had already recorded it as stopped.
 */
public final class AbandonedBundles {

    private static final System.Logger LOG = System.getLogger(AbandonedBundles.class.getName());
    private static final String FILE = "abandoned-bundles.txt";

    private final BundleContext context;
    private final Path file;
    private final ExecutorService reapers;
    private final Map<Long, Abandoned> bundles = new ConcurrentHashMap<>();

    private record Abandoned(Bundle bundle, String location, String label, String reason) {
    }

    public AbandonedBundles(BundleContext context, Path dataDirectory, ExecutorService reapers) {
        this.context = context;
        this.file = dataDirectory.resolve(FILE);
        this.reapers = reapers;
    }

    /** Takes up the bundles abandoned before the runtime last stopped that the framework still holds. */
    public void resume() {
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read " + file + ": " + e.getMessage());
            return;
        }
        for (String line : lines) {
            String[] parts = line.trim().split(" ", 2);
            if (parts.length < 2) {
                continue;
            }
            try {
                Bundle bundle = context.getBundle(Long.parseLong(parts[0]));
                if (bundle != null && bundle.getLocation().equals(parts[1])) {
                    abandon(bundle, "it was abandoned before the runtime last stopped");
                }
            } catch (NumberFormatException e) {
                // not a line this class wrote
            }
        }
        save();
    }

    /**
     * Gives up on {@code bundle}: from now on it is left out of the managed state, requests naming it are
     * refused, and it is uninstalled in the background as soon as Felix lets go of it.
     */
    public void abandon(Bundle bundle, String reason) {
        Abandoned entry = new Abandoned(bundle, bundle.getLocation(), BundleStarter.label(bundle), reason);
        if (bundles.putIfAbsent(bundle.getBundleId(), entry) != null) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "Abandoned " + entry.label() + ": " + reason
                + "; it will be uninstalled once it returns");
        save();
        try {
            reapers.execute(() -> reap(entry));
        } catch (RejectedExecutionException e) {
            // the runtime is stopping: the next start takes it up from the file
        }
    }

    /** Whether {@code bundle} was abandoned and is not yet uninstalled. */
    public boolean contains(Bundle bundle) {
        return bundles.containsKey(bundle.getBundleId());
    }

    /** Whether any of {@code candidates} was abandoned. */
    public boolean anyIn(Collection<Bundle> candidates) {
        return candidates.stream().anyMatch(this::contains);
    }

    /** Whether an abandoned bundle still holds {@code location}. */
    public boolean holdsLocation(String location) {
        return bundles.values().stream().anyMatch(a -> a.location().equals(location));
    }

    /** Throws {@link PluginException} saying why nothing can be done with {@code bundle}, if it was abandoned. */
    public void refuse(Bundle bundle) {
        Abandoned entry = bundles.get(bundle.getBundleId());
        if (entry != null) {
            throw new PluginException(refusal(entry));
        }
    }

    /** Throws {@link PluginException} if an abandoned bundle still holds {@code location}. */
    public void refuseLocation(String location) {
        bundles.values().stream().filter(a -> a.location().equals(location)).findFirst().ifPresent(entry -> {
            throw new PluginException(refusal(entry));
        });
    }

    private static String refusal(Abandoned entry) {
        return entry.label() + " was abandoned (" + entry.reason() + ") and is waiting to be uninstalled; nothing"
                + " can be done with it, nor with another plugin of that name, until its code returns or the runtime"
                + " restarts. Then install it again.";
    }

    /**
     * Waits, on a thread of its own, until Felix lets go of the bundle, then uninstalls it. Felix's uninstall
     * itself waits for the bundle lock (interruptibly), and it garbage-collects the bundle's revision when no
     * other bundle is wired to it; otherwise the next transaction's refresh does.
     */
    private void reap(Abandoned entry) {
        Bundle bundle = entry.bundle();
        if (!ManagedBundles.isManaged(bundle)) {
            awaitReturn(entry); // a bundle of the runtime itself is never uninstalled, only waited for
            return;
        }
        while (bundle.getState() != Bundle.UNINSTALLED) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                if (bundle.getState() == Bundle.UNINSTALLED) {
                    break;
                }
                // interrupted while waiting for the lock (the runtime stops), or the bundle was still STARTING or
                // STOPPING when Felix handed over the lock: try again unless the runtime stops
                if (reapers.isShutdown() || !pause()) {
                    return; // the next start takes it up from the file
                }
            }
        }
        bundles.remove(bundle.getBundleId());
        save();
        LOG.log(System.Logger.Level.INFO, "Uninstalled the abandoned " + entry.label());
    }

    private void awaitReturn(Abandoned entry) {
        while ((entry.bundle().getState() & (Bundle.STARTING | Bundle.STOPPING)) != 0) {
            if (!pause()) {
                return;
            }
        }
        bundles.remove(entry.bundle().getBundleId());
        save();
    }

    private static boolean pause() {
        try {
            Thread.sleep(200);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void save() {
        List<String> lines = new ArrayList<>();
        bundles.values().stream().filter(a -> ManagedBundles.isManaged(a.bundle()))
                .forEach(a -> lines.add(a.bundle().getBundleId() + " " + a.location()));
        try {
            if (lines.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot record the abandoned bundles in " + file + ": "
                    + e.getMessage());
        }
    }
}
