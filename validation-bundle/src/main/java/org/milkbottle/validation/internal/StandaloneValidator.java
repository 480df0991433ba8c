package org.milkbottle.validation.internal;

import java.lang.annotation.Annotation;

import org.milkbottle.validation.api.Validator;

/**
 * The validator outside a framework — for tools and benchmarks that validate files offline. It runs the
 * same built-in rules with the default limits; it keeps no audit log, so only
 * {@link Validator#validate} may be used.
 */
public final class StandaloneValidator {

    private StandaloneValidator() {
    }

    /** A validator with the default limits. */
    public static Validator create() {
        ValidatorImpl validator = new ValidatorImpl();
        validator.configureStandalone(new ValidationLimits() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ValidationLimits.class;
            }

            @Override
            public int maxEntries() {
                return 65_536;
            }

            @Override
            public long maxUncompressedBytes() {
                return 512L * 1024 * 1024;
            }

            @Override
            public int maxManifestBytes() {
                return 8 * 1024 * 1024;
            }

            @Override
            public int maxCompressionRatio() {
                return 200;
            }

            public String[] untrustedPermissions() {
                return new String[] {"network", "file-write"};
            }

            public boolean networkRequiresTrust() {
                return true;
            }
        });
        return validator;
    }
}
