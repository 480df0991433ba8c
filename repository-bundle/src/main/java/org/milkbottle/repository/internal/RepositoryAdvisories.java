package org.milkbottle.repository.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Pushes the advisories of the marketplaces this runtime uses into the validator's {@link AdvisoryRegistry}
 * (source {@code repository:NAME}), fetched with the same signature check as their indexes: when a
 * repository's index is loaded fresh and the last fetch is older than the index expiry, and in the
 * background every index expiry (at most once every {@value #MIN_REFRESH_SECONDS} seconds). While a
 * marketplace is unreachable its last good advisories stay pushed; a verified copy is kept on disk, so a
 * restart without network pushes it at once. A removed repository's advisories are withdrawn.
 *
 * <p>A marketplace running in this runtime pushes its own (it knows when they change); folder repositories
 * have none.
 */
final class RepositoryAdvisories implements AutoCloseable {

    static final long MIN_REFRESH_SECONDS = 60;
    private static final System.Logger LOG = System.getLogger(RepositoryAdvisories.class.getName());

    private final AdvisoryRegistry registry;
    private final Network network;
    private final Path cacheFolder;
    private final long expiryNanos;
    private final Duration timeout;
    /** When each repository's advisories were last fetched (or tried), by repository name. */
    private final Map<String, Long> attempted = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher;

    RepositoryAdvisories(AdvisoryRegistry registry, Network network, Path cacheFolder, Duration expiry,
            Duration timeout) throws IOException {
        this.registry = registry;
        this.network = network;
        this.cacheFolder = Files.createDirectories(cacheFolder);
        this.expiryNanos = expiry.toNanos();
        this.timeout = timeout;
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "milkbottle-repository-advisories");
            thread.setDaemon(true);
            return thread;
        });
    }

    static String source(String repository) {
        return "repository:" + repository;
    }

    /**
     * Pushes the kept copies of {@code repositories} now (no network), then fetches them all off this
     * thread, and again every index expiry (at most once every {@value #MIN_REFRESH_SECONDS} seconds).
     */
    void start(Supplier<List<ConfiguredRepository>> repositories) {
        for (ConfiguredRepository repository : repositories.get()) {
            if (remote(repository)) {
                kept(repository).ifPresent(advisories -> registry.publish(source(repository.name()), advisories));
            }
        }
        long period = Math.max(TimeUnit.NANOSECONDS.toSeconds(expiryNanos), MIN_REFRESH_SECONDS);
        refresher.scheduleWithFixedDelay(() -> repositories.get().forEach(r -> refresh(r, true)), 0, period,
                TimeUnit.SECONDS);
    }

    /** Fetches and pushes the repository's advisories unless that was done or tried within the expiry. */
    void refresh(ConfiguredRepository repository) {
        refresh(repository, false);
    }

    private void refresh(ConfiguredRepository repository, boolean force) {
        if (!remote(repository)) {
            return;
        }
        long now = System.nanoTime();
        Long last = attempted.get(repository.name());
        if (!force && last != null && now - last < expiryNanos) {
            return;
        }
        attempted.put(repository.name(), now);
        try {
            byte[] json = fetch(repository);
            List<Advisory> advisories = Json.MAPPER.readValue(json, new TypeReference<List<Advisory>>() { });
            if (!Long.valueOf(now).equals(attempted.get(repository.name()))) {
                return; // removed (or fetched again) meanwhile
            }
            registry.publish(source(repository.name()), advisories);
            keep(repository, json);
        } catch (IOException | RepositoryException e) {
            // whatever was pushed before stays: an unreachable marketplace must not switch its advisories off
            LOG.log(System.Logger.Level.WARNING, "Advisories of repository '" + repository.name() + "' unavailable ("
                    + (e instanceof IOException io ? Network.describe(io) : e.getMessage())
                    + "); keeping the last ones fetched");
        }
    }

    /** A removed repository: its advisories no longer apply. */
    void withdraw(String name) {
        attempted.remove(name);
        registry.withdraw(source(name));
        try {
            Files.deleteIfExists(copy(name));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot delete " + copy(name) + ": " + e.getMessage());
        }
    }

    /** Withdraws what this client pushed: with the client stopped, nobody keeps them current. */
    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String source : registry.sources()) {
            if (source.startsWith(source(""))) {
                registry.withdraw(source);
            }
        }
    }

    private static boolean remote(ConfiguredRepository repository) {
        return !repository.isFolder();
    }

    private byte[] fetch(ConfiguredRepository repository) throws IOException {
        URI base = repository.base();
        byte[] json = network.get(base.resolve("advisories.json"), timeout);
        String signature = new String(network.get(base.resolve("advisories.json.sig"), timeout),
                StandardCharsets.US_ASCII);
        IndexVerifier.verify(repository.name(), json, signature, repository.publicKey());
        return json;
    }

    /** Only verified content is kept: the copy is as trustworthy as the index copies beside it. */
    private void keep(ConfiguredRepository repository, byte[] json) {
        Path file = copy(repository.name());
        try {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.write(part, json);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // what was pushed still holds; the copy only matters for a restart without network
        }
    }

    private Optional<List<Advisory>> kept(ConfiguredRepository repository) {
        Path file = copy(repository.name());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), new TypeReference<List<Advisory>>() { }));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the kept advisories " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private Path copy(String name) {
        return cacheFolder.resolve(name + ".advisories.json");
    }
}
