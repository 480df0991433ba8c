package org.milkbottle.perf.internal.cache;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How much one bundle may cache (PID {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle caches",
        description = "Limits on the named caches each bundle keeps through the CacheManager service")
public @interface CacheConfig {

    /** The configuration PID. */
    String PID = "org.milkbottle.perf.cache";

    @AttributeDefinition(name = "Caches per bundle", description = "The most named caches one bundle may hold",
            min = "1")
    int maxCachesPerBundle() default 32;

    @AttributeDefinition(name = "Entries per bundle",
            description = "The most entries one bundle's caches may hold together: the sum of their maximum sizes",
            min = "1")
    long maxEntriesPerBundle() default 100_000;
}
