package org.milkbottle.marketplace.internal.http;

import java.util.Optional;

import org.milkbottle.marketplace.internal.Json;
import org.milkbottle.perf.api.CacheManager;
import org.milkbottle.perf.api.CacheSpec;
import org.milkbottle.perf.api.PluginCache;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Search answers as sent, kept per state of the catalog ({@code Marketplace.searchRevision()}) and query string in
 * the marketplace bundle's cache from the perf bundle: the same question asked again before anything changed costs
 * a lookup instead of a search and its JSON rendering. A new revision makes every kept answer unreachable; they age
 * out by size.
 */
final class SearchAnswers {

    /** Distinct queries kept: the web page's and the runtimes' usual questions, many times over. */
    private static final CacheSpec SPEC = CacheSpec.ofSize(4096);

    private volatile PluginCache<String, byte[]> cache;

    void use(CacheManager caches) {
        cache = caches.cache("search-answers", SPEC);
    }

    void release() {
        cache = null;
    }

    static String key(long revision, String queryString) {
        return revision + "?" + (queryString == null ? "" : queryString);
    }

    Optional<byte[]> find(String key) {
        PluginCache<String, byte[]> current = cache;
        return current == null ? Optional.empty() : current.getIfPresent(key);
    }

    /** Renders {@code page} as JSON and keeps it under {@code key}. */
    byte[] keep(String key, Object page) throws JsonProcessingException {
        byte[] body = Json.MAPPER.writeValueAsBytes(page);
        PluginCache<String, byte[]> current = cache;
        if (current != null) {
            current.put(key, body);
        }
        return body;
    }
}
