package org.milkbottle.marketplace.internal.http;

import java.util.Optional;

import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.Json;
import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.PluginCache;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Search answers as sent, kept per state of the catalog ({@code Marketplace.searchRevision()}) and query in
 * the marketplace bundle's cache from the perf bundle: the same question asked again before anything changed costs
 * a lookup instead of a search and its JSON rendering. A new revision makes every kept answer unreachable; they age
 * out by size.
 */
final class SearchAnswers {

    /** Distinct questions kept: the web page's and the runtimes' usual ones, many times over. */
    private static final CacheSpec SPEC = CacheSpec.ofSize(2048);
    /** Larger answers (big pages) are not kept: at most 2048 × 32 KiB = 64 MiB, whatever clients ask. */
    static final int MAX_KEPT_BYTES = 32 * 1024;

    /** An answer's key: the catalog revision and the query as the marketplace reads it. */
    record Key(long revision, SearchQuery query) {
    }

    private volatile PluginCache<Key, byte[]> cache;

    void use(CacheManager caches) {
        cache = caches.cache("search-answers", SPEC);
    }

    void release() {
        cache = null;
    }

    /**
     * The key of an answer: the same question asked with other spellings, other parameter orders or parameters the
     * API ignores is one entry.
     */
    static Key key(long revision, SearchQuery query) {
        return new Key(revision, query);
    }

    Optional<byte[]> find(Key key) {
        PluginCache<Key, byte[]> current = cache;
        return current == null ? Optional.empty() : current.getIfPresent(key);
    }

    /** Renders {@code page} as JSON and keeps it under {@code key}. */
    byte[] keep(Key key, Object page) throws JsonProcessingException {
        byte[] body = Json.MAPPER.writeValueAsBytes(page);
        PluginCache<Key, byte[]> current = cache;
        if (current != null && body.length <= MAX_KEPT_BYTES) {
            current.put(key, body);
        }
        return body;
    }
}
