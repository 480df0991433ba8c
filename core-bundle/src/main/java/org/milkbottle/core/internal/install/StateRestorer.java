package org.milkbottle.core.internal.install;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.core.internal.store.ArtifactStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Puts the managed bundles back into a recorded state: the exact set of bundles, versions (from the
 * artifact store) and started/stopped states. Used to undo a failed transaction, for {@code mb:rollback},
 * and to recover from a crash in the middle of a transaction.
 */
public final class StateRestorer {

    private final ManagedBundles managed;
    private final ArtifactStore store;
    private final BundleStarter starter;
    private final Reapproval reapproval;

    /** Judges content about to be put back; see {@link org.milkbottle.validation.api.Validator#reapprove}. */
    @FunctionalInterface
    public interface Reapproval {
        /** Null when {@code artifact} may be put back for {@code snapshot}; else why not. */
        String check(Path artifact, BundleSnapshot snapshot);
    }

    public StateRestorer(ManagedBundles managed, ArtifactStore store, BundleStarter starter, Reapproval reapproval) {
        this.managed = managed;
        this.store = store;
        this.starter = starter;
        this.reapproval = reapproval;
    }

    /**
     * Restores {@code target}.
     *
     * @return problems met; empty when the state was restored exactly
     */
    public List<String> restore(List<BundleSnapshot> target, Duration startTimeout) {
        List<String> problems = new ArrayList<>();
        Map<String, BundleSnapshot> wanted = new LinkedHashMap<>();
        target.forEach(s -> wanted.put(s.symbolicName(), s));
        for (Bundle bundle : managed.all()) {
            if (!wanted.containsKey(bundle.getSymbolicName())) {
                try {
                    managed.remove(bundle);
                } catch (BundleException | RuntimeException e) {
                    problems.add("could not remove " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            }
        }
        List<Bundle> restored = new ArrayList<>();
        for (BundleSnapshot snapshot : wanted.values()) {
            Optional<Bundle> existing = managed.find(snapshot.symbolicName());
            boolean same = existing.isPresent()
                    && existing.get().getVersion().toString().equals(snapshot.version())
                    && snapshot.sha256() != null
                    && snapshot.sha256().equals(managed.currentSha(snapshot.symbolicName()).orElse(null));
            if (same) {
                restored.add(existing.get());
                continue;
            }
            Optional<Path> artifact = store.find(snapshot.sha256());
            if (artifact.isEmpty()) {
                problems.add("the artifact of " + snapshot.symbolicName() + " " + snapshot.version()
                        + " is no longer in the artifact store; it cannot be restored");
                existing.ifPresent(restored::add);
                continue;
            }
            // the content is judged again, by the provenance it was approved with when it came in: a journal or
            // artifact changed behind the runtime's back cannot bring in anything that was not approved
            String refused = reapproval.check(artifact.get(), snapshot);
            if (refused != null) {
                problems.add(snapshot.symbolicName() + " " + snapshot.version() + " cannot be put back: " + refused);
                existing.ifPresent(restored::add);
                continue;
            }
            try {
                if (existing.isPresent()) {
                    managed.stopQuietly(existing.get());
                    managed.update(existing.get(), snapshot, artifact.get());
                    restored.add(existing.get());
                } else {
                    restored.add(managed.install(snapshot, artifact.get()));
                }
            } catch (BundleException | RuntimeException e) {
                problems.add("could not restore " + snapshot.symbolicName() + " " + snapshot.version() + ": "
                        + e.getMessage());
            }
        }
        managed.refresh();
        managed.resolve(restored);
        if (!managed.gate().isOpen()) {
            // at launch, before the gate opens: nothing can start now; each bundle is marked as the recorded state
            // says, and Felix starts exactly those when the gate opens
            restored.forEach(bundle -> markStarted(bundle, wanted.get(bundle.getSymbolicName()), problems));
            return problems;
        }
        for (Bundle bundle : ManagedBundles.startOrder(restored)) {
            BundleSnapshot snapshot = wanted.get(bundle.getSymbolicName());
            boolean active = bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
            if (snapshot != null && snapshot.active() && !active) {
                try {
                    starter.start(bundle, startTimeout);
                } catch (RuntimeException e) {
                    problems.add("could not start " + bundle.getSymbolicName() + ": " + e.getMessage());
                }
            } else if (snapshot != null && !snapshot.active() && active) {
                managed.stopQuietly(bundle);
            }
        }
        return problems;
    }

    /**
     * Reinstalls, from the artifact store, the recorded plugins the framework no longer holds (its cache folder,
     * or one bundle's folder in it, was lost or damaged). Nothing else is touched: a plugin the framework holds
     * but the state does not record is left alone.
     *
     * @return one line per plugin: what was reinstalled, or why it could not be
     */
    public List<String> reinstallMissing(List<BundleSnapshot> recorded, Duration startTimeout) {
        List<BundleSnapshot> missing = recorded.stream().filter(s -> managed.find(s.symbolicName()).isEmpty())
                .toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        // the others as the state records them, not as they are now: before the gate opens none is ACTIVE, and
        // restoring their live state marked every other plugin stopped for good (one lost cache folder stopped all)
        Map<String, BundleSnapshot> whole = new LinkedHashMap<>();
        managed.snapshot().forEach(live -> whole.put(live.symbolicName(), live));
        recorded.forEach(committed -> whole.put(committed.symbolicName(), committed));
        List<String> problems = restore(new ArrayList<>(whole.values()), startTimeout);
        List<String> report = new ArrayList<>();
        for (BundleSnapshot snapshot : missing) {
            String name = snapshot.symbolicName() + " " + snapshot.version();
            List<String> own = problems.stream().filter(p -> p.contains(snapshot.symbolicName())).toList();
            report.add(managed.find(snapshot.symbolicName()).isPresent() && own.isEmpty()
                    ? name + " was missing from the framework cache; reinstalled it from the artifact store"
                    : name + " is missing from the framework cache and could not be reinstalled"
                            + (own.isEmpty() ? "" : ": " + String.join("; ", own)));
        }
        return report;
    }

    /**
     * Marks each recorded plugin started or stopped in the framework as the committed state says, where the two
     * differ; call it at launch, before the gate opens, so that Felix starts exactly the plugins the state records
     * as started. They differ when the runtime stopped (SIGTERM) while a transaction was starting its plugins: the
     * transaction committed them as started, but Felix refused to start them while it stopped, so they were never
     * marked, and they stayed stopped at every launch after.
     *
     * @return one line per plugin that could not be marked
     */
    public List<String> markAsRecorded(List<BundleSnapshot> recorded) {
        List<String> problems = new ArrayList<>();
        for (BundleSnapshot snapshot : recorded) {
            managed.find(snapshot.symbolicName()).ifPresent(bundle -> {
                BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                if (level != null && level.isPersistentlyStarted() != snapshot.active()) {
                    markStarted(bundle, snapshot, problems);
                }
            });
        }
        return problems;
    }

    private static void markStarted(Bundle bundle, BundleSnapshot snapshot, List<String> problems) {
        if (snapshot == null || bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            if (snapshot.active()) {
                bundle.start(); // below the framework's level: only marks it started
            } else {
                bundle.stop();
            }
        } catch (BundleException | RuntimeException e) {
            problems.add("could not mark " + bundle.getSymbolicName() + (snapshot.active() ? " started" : " stopped")
                    + ": " + e.getMessage());
        }
    }
}
