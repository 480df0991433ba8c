package org.milkbottle.sdk.api;

import java.nio.file.Path;

/**
 * A plugin made ready to publish.
 *
 * @param name     its symbolic name
 * @param version  its version
 * @param jar      the signed jar ({@code dist/NAME-VERSION.jar} beside the jar it was made from)
 * @param sha256   the signed jar's SHA-256 (hex), also written beside it as {@code NAME-VERSION.jar.sha256}
 * @param signer   the signing certificate's subject
 */
public record PackagedPlugin(String name, String version, Path jar, String sha256, String signer) {
}
