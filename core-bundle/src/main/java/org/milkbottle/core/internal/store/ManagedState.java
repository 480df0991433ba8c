package org.milkbottle.core.internal.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.milkbottle.api.BundleSnapshot;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * What MilkBottle knows of each bundle it installed beyond what the framework keeps: the artifact's
 * SHA-256, where it came from and who installed it. Written at every commit.
 */
public final class ManagedState {

    private final Path file;
    private final Map<String, BundleSnapshot> bySymbolicName = new LinkedHashMap<>();

    public ManagedState(Path directory) {
        this.file = directory.resolve("state.json");
        if (Files.exists(file)) {
            List<BundleSnapshot> saved = JsonFiles.read(file, new TypeReference<>() { },
                    "a JSON list of the installed plugins' records", "Restore it from a backup, or move it aside:"
                    + " the plugins stay installed, but MilkBottle forgets where each came from and which content it"
                    + " approved (install them again to record it)");
            saved.forEach(s -> bySymbolicName.put(s.symbolicName(), s));
        }
    }

    /** The record of a managed bundle. */
    public synchronized Optional<BundleSnapshot> get(String symbolicName) {
        return Optional.ofNullable(bySymbolicName.get(symbolicName));
    }

    /** Replaces all records with {@code snapshot} and saves them. */
    public synchronized void replace(List<BundleSnapshot> snapshot) {
        bySymbolicName.clear();
        snapshot.forEach(s -> bySymbolicName.put(s.symbolicName(), s));
        try {
            JsonFiles.write(file, new ArrayList<>(bySymbolicName.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Records that the plugin was started or stopped by hand ({@code mb:start}, {@code mb:stop}), which is no
     * transaction: each launch marks the plugins started as recorded here, so the record must follow, or a stopped
     * plugin would come back started at the next launch.
     */
    public synchronized void recordStarted(String symbolicName, boolean active) {
        BundleSnapshot record = bySymbolicName.get(symbolicName);
        if (record != null && record.active() != active) {
            List<BundleSnapshot> records = new ArrayList<>(bySymbolicName.values());
            records.replaceAll(r -> r == record ? new BundleSnapshot(r.symbolicName(), r.version(), r.sha256(),
                    active, r.source(), r.origin()) : r);
            replace(records);
        }
    }

    /** All records. */
    public synchronized List<BundleSnapshot> all() {
        return List.copyOf(bySymbolicName.values());
    }
}
