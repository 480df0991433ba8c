package org.milkbottle.core.internal.install;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.milkbottle.api.BundleSnapshot;
import org.milkbottle.api.InstallPlan;
import org.milkbottle.api.PlannedChange;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Works out what a request would change: which bundles are installed, updated or left as they are, and
 * which requests cannot be taken at all (a name twice, a runtime bundle's name). Whether the result
 * resolves is {@link InstallResolution}'s answer. Nothing is changed; {@code mb:install --simulate}
 * prints this plan.
 */
public final class InstallPlanner {

    private final Function<String, Optional<String>> currentSha;

    public InstallPlanner(Function<String, Optional<String>> currentSha) {
        this.currentSha = currentSha;
    }

    /** The plan for installing {@code archives} into a framework holding {@code installed}. */
    public InstallPlan plan(List<BundleArchive> archives, Bundle[] installed) {
        List<PlannedChange> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (BundleArchive archive : archives) {
            String name = archive.symbolicName();
            if (!seen.add(name)) {
                problems.add("The request contains " + name + " twice; install one version of it.");
                continue;
            }
            Bundle existing = null;
            Bundle runtimeCopy = null;
            for (Bundle bundle : installed) {
                if (name.equals(bundle.getSymbolicName())) {
                    if (ManagedBundles.isManaged(bundle)) {
                        existing = bundle;
                    } else if (name.startsWith("org.milkbottle.")) {
                        problems.add(name + " is the name of a bundle of the MilkBottle runtime (bundle "
                                + bundle.getBundleId() + "); a plugin cannot replace it. Rename the plugin's "
                                + "Bundle-SymbolicName.");
                    } else if (bundle.getVersion().equals(Version.parseVersion(archive.version()))) {
                        runtimeCopy = bundle;
                    }
                    // another version of a library the runtime ships: OSGi runs both side by side
                }
            }
            if (runtimeCopy != null) {
                changes.add(new PlannedChange(PlannedChange.Action.UNCHANGED, name, archive.version(),
                        archive.version(), "the runtime's own copy (bundle " + runtimeCopy.getBundleId() + ")"));
            } else if (existing == null) {
                changes.add(new PlannedChange(PlannedChange.Action.INSTALL, name, null, archive.version(),
                        archive.source()));
            } else if (archive.sha256().equals(currentSha.apply(name).orElse(null))) {
                changes.add(new PlannedChange(PlannedChange.Action.UNCHANGED, name, existing.getVersion().toString(),
                        archive.version(), archive.source()));
            } else {
                changes.add(new PlannedChange(PlannedChange.Action.UPDATE, name, existing.getVersion().toString(),
                        archive.version(), archive.source()));
            }
        }
        return new InstallPlan(changes, problems);
    }

    /**
     * The archives left to install: a library of exactly the name and version the runtime itself runs is
     * served by the runtime's copy (the framework does not take the same bundle twice).
     */
    public static List<BundleArchive> withoutRuntimeCopies(List<BundleArchive> archives, Bundle[] installed) {
        return archives.stream().filter(archive -> Arrays.stream(installed).noneMatch(bundle ->
                !ManagedBundles.isManaged(bundle) && archive.symbolicName().equals(bundle.getSymbolicName())
                        && bundle.getVersion().equals(Version.parseVersion(archive.version())))).toList();
    }

    /** The changes that lead from {@code from} to {@code to}. */
    public static List<PlannedChange> diff(List<BundleSnapshot> from, List<BundleSnapshot> to) {
        Map<String, BundleSnapshot> before = new LinkedHashMap<>();
        from.forEach(s -> before.put(s.symbolicName(), s));
        List<PlannedChange> changes = new ArrayList<>();
        for (BundleSnapshot target : to) {
            BundleSnapshot old = before.remove(target.symbolicName());
            if (old == null) {
                changes.add(new PlannedChange(PlannedChange.Action.INSTALL, target.symbolicName(), null,
                        target.version(), target.source()));
            } else if (!Objects.equals(old.sha256(), target.sha256()) || !old.version().equals(target.version())) {
                changes.add(new PlannedChange(PlannedChange.Action.UPDATE, target.symbolicName(), old.version(),
                        target.version(), target.source()));
            } else {
                changes.add(new PlannedChange(PlannedChange.Action.UNCHANGED, target.symbolicName(), old.version(),
                        target.version(), target.source()));
            }
        }
        before.values().forEach(old -> changes.add(new PlannedChange(PlannedChange.Action.UNINSTALL,
                old.symbolicName(), old.version(), null, old.source())));
        return changes;
    }

    /** One line naming each change of a plan, for history. */
    public static String summary(InstallPlan plan) {
        List<String> parts = new ArrayList<>();
        for (PlannedChange change : plan.changes()) {
            parts.add(change.action().name().toLowerCase() + " " + change.symbolicName() + " "
                    + (change.toVersion() == null ? change.fromVersion() : change.toVersion()));
        }
        return String.join(", ", parts);
    }
}
