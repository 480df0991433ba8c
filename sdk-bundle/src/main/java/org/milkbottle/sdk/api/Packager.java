package org.milkbottle.sdk.api;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes a plugin's jar ready to publish: signed with the author's key (a runtime that has the author's certificate
 * in its trust store then installs it as trusted), checked after signing, with its SHA-256 beside it.
 */
@ProviderType
public interface Packager {

    /**
     * @throws SdkException for a jar that is no bundle, a missing keystore, a wrong password, an unknown alias, or
     *                      a JVM without the JDK's signing module; nothing is written then
     */
    PackagedPlugin pack(Path jar, SigningKey key) throws SdkException;
}
