/**
 * Validation of plugin jars before any of their code runs: the {@link org.milkbottle.validation.api.Validator}
 * runs every {@link org.milkbottle.validation.api.ValidationRule} on a jar and returns a
 * {@link org.milkbottle.validation.api.ValidationReport}. The runtime's install pipeline, {@code mb:validate},
 * the SDK and the marketplace use the same validator. Advisories known from elsewhere than the local
 * {@code advisories.json} are pushed into the {@link org.milkbottle.validation.api.AdvisoryRegistry}.
 */
@Export
@Version("1.8.0")
package org.milkbottle.validation.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
