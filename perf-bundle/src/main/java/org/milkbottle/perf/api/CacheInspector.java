package org.milkbottle.perf.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Every bundle's caches, read-only: what {@code mb:perf caches} and {@code /metrics} show. */
@ProviderType
public interface CacheInspector {

    /** The statistics of every live cache, by bundle then name. */
    List<CacheStatistics> statistics();
}
