package org.milkbottle.validation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.milkbottle.validation.api.Provenance;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The provenance under which each content (by SHA-256) was approved, so that putting the same content back
 * — a rollback, crash recovery — is judged as it was when it came in, not as an anonymous raw install.
 * Sealed by {@link IntegritySeal}: a record changed behind the runtime's back vouches for nothing.
 */
@Component(service = ApprovalRecord.class)
public class ApprovalRecord {

    private final Path file;
    private final IntegritySeal seal;
    private Map<String, Provenance> cache;

    @Activate
    public ApprovalRecord(BundleContext context, @Reference IntegritySeal seal) {
        this(DataFolder.file(context, "approvals.json"), seal);
    }

    ApprovalRecord(Path file, IntegritySeal seal) {
        this.file = file;
        this.seal = seal;
    }

    /** Remembers that this content was approved as coming from {@code provenance}. */
    public synchronized void remember(String sha256, Provenance provenance) {
        Map<String, Provenance> all = load();
        if (sha256 == null || provenance.equals(all.get(sha256))) {
            return;
        }
        all.put(sha256, provenance);
        try {
            seal.write(file, AuditLog.mapper().writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The provenance this content was approved with, or null if it never was (or the record was tampered with). */
    public synchronized Provenance provenanceOf(String sha256) {
        return sha256 == null ? null : load().get(sha256);
    }

    private Map<String, Provenance> load() {
        if (cache != null && seal.check(file) == IntegritySeal.Verdict.INTACT) {
            return cache;
        }
        Map<String, Provenance> loaded = new LinkedHashMap<>();
        IntegritySeal.Verdict verdict = seal.check(file);
        if (verdict == IntegritySeal.Verdict.INTACT) {
            try {
                loaded.putAll(AuditLog.mapper().readValue(Files.readAllBytes(file),
                        new TypeReference<Map<String, Provenance>>() { }));
            } catch (IOException e) {
                // unreadable: vouches for nothing; the next approval rewrites it
            }
        }
        cache = loaded;
        return loaded;
    }
}
