package org.milkbottle.validation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Limits that keep a hostile archive from exhausting the runtime, and the trust policy (PID {@value #PID}).
 */
@ObjectClassDefinition(name = "MilkBottle validation")
public @interface ValidationLimits {

    /** The configuration PID. */
    String PID = "org.milkbottle.validation";

    @AttributeDefinition(name = "Most entries", min = "1")
    int maxEntries() default 65_536;

    @AttributeDefinition(name = "Most uncompressed bytes", description = "Sum of all entries' sizes", min = "1")
    long maxUncompressedBytes() default 512L * 1024 * 1024;

    @AttributeDefinition(name = "Largest manifest (bytes)", min = "1")
    int maxManifestBytes() default 8 * 1024 * 1024;

    @AttributeDefinition(name = "Highest compression ratio",
            description = "An entry that inflates more than this many times its compressed size is a zip bomb", min = "1")
    int maxCompressionRatio() default 200;

    @AttributeDefinition(name = "Permissions of untrusted bundles",
            description = "What a bundle from an untrusted source (a local file, a URL, the deploy folder, a raw "
                    + "install) may use and declare. 'framework' is never allowed here: only a trusted signer can "
                    + "hold it. process, reflection, class-definition and native each reach past any in-process "
                    + "check, so they need a trusted source by default.")
    String[] untrustedPermissions() default {"network", "file-write"};

    @AttributeDefinition(name = "Downloads need a trusted signature",
            description = "Refuse jars fetched over http(s) unless a publisher in the trust store signed them")
    boolean networkRequiresTrust() default true;
}
