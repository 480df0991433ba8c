package org.milkbottle.sdk.api;

import java.net.URI;
import java.util.List;

/**
 * What a marketplace answered to a published jar.
 *
 * @param marketplace where it was published
 * @param name        the plugin's symbolic name
 * @param version     its version
 * @param sha256      the jar's SHA-256, as the marketplace recorded it
 * @param findings    the validator's warnings and notes (a refusal is an {@link SdkException} instead)
 */
public record PublishReceipt(URI marketplace, String name, String version, String sha256, List<String> findings) {

    public PublishReceipt {
        findings = List.copyOf(findings);
    }
}
