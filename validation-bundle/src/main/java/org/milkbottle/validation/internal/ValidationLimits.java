package org.milkbottle.validation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits that keep a hostile archive from exhausting the runtime (PID {@value #PID}). */
@ObjectClassDefinition(name = "MilkBottle validation limits")
public @interface ValidationLimits {

    /** The configuration PID. */
    String PID = "org.milkbottle.validation";

    @AttributeDefinition(name = "Most entries", min = "1")
    int maxEntries() default 65_536;

    @AttributeDefinition(name = "Most uncompressed bytes", description = "Sum of all entries' sizes", min = "1")
    long maxUncompressedBytes() default 512L * 1024 * 1024;

    @AttributeDefinition(name = "Largest manifest (bytes)", min = "1")
    int maxManifestBytes() default 256 * 1024;

    @AttributeDefinition(name = "Highest compression ratio",
            description = "An entry that inflates more than this many times its compressed size is a zip bomb", min = "1")
    int maxCompressionRatio() default 200;
}
