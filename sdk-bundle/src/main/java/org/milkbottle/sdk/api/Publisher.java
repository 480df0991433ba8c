package org.milkbottle.sdk.api;

import java.net.URI;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Publishes a plugin's jar to a marketplace over its HTTP API ({@code POST /api/plugins}, a bearer token). */
@ProviderType
public interface Publisher {

    /**
     * @param marketplace the marketplace's address, e.g. {@code http://127.0.0.1:8180}
     * @param token       a publishing token ({@code mbt_…}) the marketplace's admin made ({@code mb:market-token})
     * @throws SdkException for a missing jar, a bad address or token, a marketplace that cannot be reached or that
     *                      refuses the jar (its reason, e.g. the validator's rule); nothing is published then
     */
    PublishReceipt publish(Path jar, URI marketplace, String token) throws SdkException;
}
