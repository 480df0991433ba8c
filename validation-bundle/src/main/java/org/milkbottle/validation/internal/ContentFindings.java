package org.milkbottle.validation.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.ValidationRule;

import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.PluginCache;

/**
 * What the content-only rules (archive safety, metadata, bytecode scan) found in a jar, kept by the jar's SHA-256
 * in this bundle's cache from the perf bundle, so that judging a known jar again (a deploy folder rescanned, an
 * update to the same bytes, a rollback) costs a lookup instead of a scan. Only those rules are cached: their
 * findings depend on the bytes alone (and on the limits, which are part of the key), whereas trust, advisories,
 * the runtime's protection and the permission policy are decided afresh every time.
 */
final class ContentFindings {

    /** The findings, and the first place each permission is used. */
    record Result(List<Finding> findings, Map<String, String> firstUse) {
    }

    /**
     * The content-only rules and what they depend on besides the bytes.
     *
     * @param limitsKey the limits the rules apply, part of the cache key
     */
    record Rules(String limitsKey, List<ValidationRule> rules) {
    }

    private static final CacheSpec SPEC = CacheSpec.ofSize(2048).expireAfterWrite(Duration.ofHours(12));

    private volatile PluginCache<String, Result> cache;

    void use(CacheManager caches) {
        this.cache = caches.cache("content-findings", SPEC);
    }

    void release() {
        this.cache = null;
    }

    /**
     * The findings for the jar with {@code sha} under {@code rules}: cached, or computed now and kept when
     * {@code unchanged} confirms that the bytes the rules read are still the ones with that SHA-256.
     *
     * @param sha the jar's SHA-256, {@code null} when it could not be read (then nothing is cached)
     */
    Result of(String sha, Rules rules, Supplier<Result> compute, BooleanSupplier unchanged) {
        PluginCache<String, Result> current = cache;
        if (sha == null || current == null) {
            return compute.get();
        }
        String key = rules.limitsKey() + ":" + sha;
        Optional<Result> known;
        try {
            known = current.getIfPresent(key);
        } catch (IllegalStateException dropped) {
            // the perf bundle dropped the cache (it stops, or is updated) between two uses: a cache is an
            // optimisation, never a verdict, so the jar is judged as if nothing were cached
            return compute.get();
        }
        if (known.isPresent()) {
            return known.get();
        }
        Result computed = compute.get();
        if (unchanged.getAsBoolean()) {
            try {
                current.put(key, computed);
            } catch (IllegalStateException dropped) {
                // as above: not kept, still the right answer
            }
        }
        return computed;
    }
}
