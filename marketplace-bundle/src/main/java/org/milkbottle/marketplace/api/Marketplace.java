package org.milkbottle.marketplace.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.milkbottle.validation.api.Advisory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A marketplace: plugins published with an API token after passing validation, searched, described,
 * rated and downloaded. Every method that takes outside input checks it and throws a
 * {@link MarketplaceException} that says what was wrong; nothing is stored then.
 */
@ProviderType
public interface Marketplace {

    /**
     * Publishes one plugin version. The jar is validated with MilkBottle's validator; a jar with errors
     * is refused with its findings. A version that was published before cannot be overwritten, and only
     * the token that first published a plugin may publish its later versions.
     */
    PublishResult publish(String token, Path jar) throws MarketplaceException;

    /**
     * A new empty file to write an upload into before it is {@linkplain #publish published}. The marketplace's
     * own file is on its store's file system, so a jar published from there is moved into the store rather than
     * copied. The caller deletes the file when done, whatever the outcome (once published it may be gone).
     *
     * @throws IOException when no file could be made
     * @throws MarketplaceException {@code UNAVAILABLE} when the marketplace cannot take uploads
     * @since 2.3
     */
    default Path newUpload() throws IOException, MarketplaceException {
        return Files.createTempFile("milkbottle-upload", ".jar");
    }

    /**
     * Checks a publishing token before anything is uploaded.
     *
     * @return the token's owner
     * @throws MarketplaceException {@code UNAUTHORIZED} for a missing, malformed or unknown token
     */
    String authenticate(String token) throws MarketplaceException;

    /** One page of plugins matching the query, latest compatible version of each. */
    SearchPage search(SearchQuery query) throws MarketplaceException;

    /**
     * Which state of the catalog {@link #search} answers from: it changes whenever an answer may change (a
     * publish, a rating, download counts), so an answer kept with the revision it was made at is right as long as
     * the revision is the same.
     *
     * @since 2.2
     */
    long searchRevision() throws MarketplaceException;

    /** A plugin with all its versions and reviews. */
    Optional<PluginDetails> plugin(String name);

    /** Adds or replaces (one per user and plugin) a rating of 1 to 5 stars with an optional review. */
    void rate(String name, String user, int stars, String review) throws MarketplaceException;

    /** The stored artifact with this SHA-256, counting a download (with the runtime version, if known). */
    Optional<Path> download(String sha256, String runtimeVersion) throws MarketplaceException;

    /** Downloads per day of one plugin, oldest day first. */
    SortedMap<LocalDate, Long> downloadsPerDay(String name) throws MarketplaceException;

    /**
     * Downloads of one plugin per version (the web page charts them over time), each version's per day,
     * oldest day first; versions never downloaded are absent.
     *
     * @since 2.1
     */
    Map<String, SortedMap<LocalDate, Long>> downloadsPerVersion(String name) throws MarketplaceException;

    /**
     * Publishes an advisory: versions {@code versions} (an OSGi range) of {@code plugin} have a known
     * problem. Runtimes using this marketplace warn about installed matches and, for {@code high} and
     * {@code critical}, refuse to install them.
     *
     * @return the advisory with its new id
     */
    Advisory publishAdvisory(String plugin, String versions, String severity,
            String message) throws MarketplaceException;

    /** Every advisory published here. */
    List<Advisory> advisories() throws MarketplaceException;

    /**
     * {@link #advisories()} as JSON, with its detached signature (like the index's).
     *
     * @since 2.0 (a {@link SignedDocument} instead of an array of the two)
     */
    SignedDocument signedAdvisories() throws MarketplaceException;

    /** Marketplace-wide download figures, for the analytics page. */
    Analytics analytics() throws MarketplaceException;

    /** The largest jar {@link #publish} accepts, in bytes. */
    long maxUploadBytes();

    /** The OSGi repository index (R5 XML) of every published version. */
    byte[] index();

    /** A detached signature of {@link #index()} (SHA256withECDSA, base64), made with the marketplace key. */
    String indexSignature();

    /** The public key that verifies {@link #indexSignature()}, PEM encoded. */
    String publicKey();

    /** Creates an API token for publishing; only its hash is stored, so it is shown this once. */
    String createToken(String owner) throws MarketplaceException;
}
