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
}
