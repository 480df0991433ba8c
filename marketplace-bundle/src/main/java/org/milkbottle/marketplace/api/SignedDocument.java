package org.milkbottle.marketplace.api;

/**
 * A document the marketplace publishes with a detached signature made with its key, as runtimes fetch it
 * (e.g. {@code advisories.json} and {@code advisories.json.sig}).
 *
 * @param content the document as served (UTF-8 text)
 * @param signature its SHA256withECDSA signature over the UTF-8 bytes of {@code content}, base64
 * @since 2.0
 */
public record SignedDocument(String content, String signature) {
}
