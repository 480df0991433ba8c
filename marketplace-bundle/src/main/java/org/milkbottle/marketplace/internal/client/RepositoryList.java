package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The repositories a runtime uses, kept in {@code repositories.json} in its data folder (written atomically). */
final class RepositoryList {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private List<Repository> repositories;

    RepositoryList(Path folder) throws IOException {
        this.file = Files.createDirectories(folder).resolve("repositories.json");
        this.repositories = Files.exists(file) ? JSON.readValue(file.toFile(), new TypeReference<List<Repository>>() {
        }) : new ArrayList<>();
    }

    synchronized List<Repository> all() {
        return List.copyOf(repositories);
    }

    synchronized Optional<Repository> find(String name) {
        return repositories.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    synchronized void add(Repository repository) throws IOException {
        List<Repository> next = new ArrayList<>(repositories);
        next.removeIf(r -> r.name().equals(repository.name()));
        next.add(repository);
        save(next);
    }

    synchronized boolean remove(String name) throws IOException {
        List<Repository> next = new ArrayList<>(repositories);
        boolean removed = next.removeIf(r -> r.name().equals(name));
        if (removed) {
            save(next);
        }
        return removed;
    }

    private void save(List<Repository> next) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        JSON.writerWithDefaultPrettyPrinter().writeValue(part.toFile(), next);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        repositories = next;
    }
}
