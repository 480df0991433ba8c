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

    /** All records. */
    public synchronized List<BundleSnapshot> all() {
        return List.copyOf(bySymbolicName.values());
    }
}
