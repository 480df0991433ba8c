package org.milkbottle.repository.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The repositories a runtime is configured with, kept in {@code repositories.json} in its data folder
 * (written atomically; the same format since 1.0, so existing data folders keep working).
 */
final class RepositoryList {

    private final Path file;
    private List<ConfiguredRepository> repositories;

    RepositoryList(Path folder) throws IOException {
        this.file = Files.createDirectories(folder).resolve("repositories.json");
        this.repositories = Files.exists(file) ? Json.MAPPER.readValue(file.toFile(),
                new TypeReference<List<ConfiguredRepository>>() { }) : new ArrayList<>();
    }

    synchronized List<ConfiguredRepository> all() {
        return List.copyOf(repositories);
    }

    synchronized Optional<ConfiguredRepository> find(String name) {
        return repositories.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    synchronized void add(ConfiguredRepository repository) throws IOException {
        List<ConfiguredRepository> next = new ArrayList<>(repositories);
        next.removeIf(r -> r.name().equals(repository.name()));
        next.add(repository);
        save(next);
    }

    synchronized boolean remove(String name) throws IOException {
        List<ConfiguredRepository> next = new ArrayList<>(repositories);
        boolean removed = next.removeIf(r -> r.name().equals(name));
        if (removed) {
            save(next);
        }
        return removed;
    }

    private void save(List<ConfiguredRepository> next) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(part.toFile(), next);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        repositories = next;
    }
}
