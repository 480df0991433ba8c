package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Exact contents the operator allowed by SHA-256 ({@code mb:trust-allow}): such a jar is trusted at the
 * {@code operator} level whatever its source. Kept in {@code allowed.json} in the data folder, sealed by
 * {@link IntegritySeal}: a list changed behind the runtime's back allows nothing.
 */
@Component(service = OperatorAllowList.class)
public class OperatorAllowList {

    private static final System.Logger LOG = System.getLogger(OperatorAllowList.class.getName());

    /** One allowed content. */
    public record Entry(String sha256, String reason, Instant time) {
    }

    private final Path file;
    private final IntegritySeal seal;

    @Activate
    public OperatorAllowList(BundleContext context, @Reference IntegritySeal seal) {
        this(DataFolder.file(context, "allowed.json"), seal);
    }

    OperatorAllowList(Path file, IntegritySeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /** Allows the content with this SHA-256; replaces the reason if it was allowed already. */
    public synchronized Entry allow(String sha256, String reason) {
        String hash = normalize(sha256);
        List<Entry> entries = new ArrayList<>(list());
        entries.removeIf(e -> e.sha256().equals(hash));
        Entry entry = new Entry(hash, reason == null || reason.isBlank() ? "(no reason given)" : reason.trim(),
                Instant.now());
        entries.add(entry);
        save(entries);
        return entry;
    }

    /** Takes an allowance back; false if the content was not allowed. */
    public synchronized boolean revoke(String sha256) {
        String hash = normalize(sha256);
        List<Entry> entries = new ArrayList<>(list());
        boolean removed = entries.removeIf(e -> e.sha256().equals(hash));
        if (removed) {
            save(entries);
        }
        return removed;
    }

    /** Whether the operator allowed this exact content. */
    public synchronized boolean allows(String sha256) {
        return sha256 != null && list().stream().anyMatch(e -> e.sha256().equalsIgnoreCase(sha256));
    }

    /** The allowed contents, oldest first; none when the file was changed behind the runtime's back. */
    public synchronized List<Entry> list() {
        switch (seal.check(file)) {
            case ABSENT -> {
                return List.of();
            }
            case TAMPERED -> {
                LOG.log(System.Logger.Level.ERROR, "The allow list " + file + " was changed behind MilkBottle's back; "
                        + "it allows nothing until the operator allows contents again with mb:trust-allow.");
                return List.of();
            }
            default -> {
                try {
                    return AuditLog.mapper().readValue(Files.readAllBytes(file), new TypeReference<List<Entry>>() { });
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the allow list " + file, e);
                }
            }
        }
    }

    /** Whether the list on disk was changed behind the runtime's back. */
    public synchronized boolean tampered() {
        return seal.check(file) == IntegritySeal.Verdict.TAMPERED;
    }

    private void save(List<Entry> entries) {
        try {
            seal.write(file, AuditLog.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(entries));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the allow list " + file, e);
        }
    }

    /** A SHA-256 as 64 lower-case hex digits, or an error that says what is wrong. */
    static String normalize(String sha256) {
        String hash = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("'" + sha256 + "' is not a SHA-256 (64 hex digits). mb:audit and "
                    + "mb:validate FILE show a jar's SHA-256.");
        }
        return hash;
    }
}
