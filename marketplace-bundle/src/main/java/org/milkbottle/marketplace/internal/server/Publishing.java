package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.PublishResult;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.Version;

/**
 * Publishing: API tokens, and a jar judged by the validator (as the runtimes that install it will judge
 * it, plus this marketplace's own advisories) before it is stored, under its owner, never replacing a
 * published version.
 */
final class Publishing {

    private final Validator validator;
    private final Storage storage;
    private final StoreAdvisories advisories;
    private final long maxUploadBytes;

    Publishing(Validator validator, Storage storage, StoreAdvisories advisories, long maxUploadBytes) {
        this.validator = validator;
        this.storage = storage;
        this.advisories = advisories;
        this.maxUploadBytes = maxUploadBytes;
    }

    PublishResult publish(String token, Path jar) throws MarketplaceException {
        return publishAs(owner(token), jar);
    }

    /**
     * Whether {@code name} {@code version} (an OSGi version) is published here already, its jar included (a node
     * whose artifacts folder lost a jar gets it back from a publish of the same jar).
     */
    boolean isPublished(String name, String version) throws MarketplaceException {
        try {
            return storage.store().sha256(name, Version.parseVersion(version).toString())
                    .flatMap(storage.artifacts()::find).isPresent();
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    /** Publishes for {@code owner}, whose right to publish was checked by the caller. */
    PublishResult publishAs(String owner, Path jar) throws MarketplaceException {
        try {
            if (Files.size(jar) > maxUploadBytes) {
                throw new MarketplaceException(Reason.TOO_LARGE, "The jar has " + Files.size(jar) + " bytes; the "
                        + "marketplace accepts at most " + maxUploadBytes + ".");
            }
            // judged as the runtimes that install it will judge it: listed in this marketplace's signed index
            // plus this marketplace's own advisories, straight from its store (not through this runtime's registry)
            ValidationReport report = advisories.withStoreAdvisories(validator.validate(jar, new Provenance(
                    Provenance.Kind.MARKETPLACE_INDEX, "upload by " + owner, "published to this marketplace by "
                            + owner, List.of())));
            if (!report.approved() || report.symbolicName() == null || report.sha256() == null) {
                throw new MarketplaceException(Reason.INVALID_PLUGIN, "The jar did not pass validation: "
                        + String.join("; ", report.errors().stream().map(f -> f.message() + " [" + f.rule() + "]")
                                .toList()));
            }
            PluginStore store = storage.store();
            Optional<String> existingOwner = store.owner(report.symbolicName());
            if (existingOwner.isPresent() && !existingOwner.get().equals(owner)) {
                throw new MarketplaceException(Reason.FORBIDDEN, report.symbolicName() + " belongs to "
                        + existingOwner.get() + "; publish it under a name of your own.");
            }
            VersionRow row = JarMetadata.read(jar, report.sha256(), report);
            boolean storedBefore = storage.artifacts().find(row.sha256()).isPresent();
            try {
                // The jar is stored inside the transaction that adds its version, once its row is written: a
                // version refused as a duplicate or as another publisher's stores nothing (it used to leave its
                // jar in the store, unreferenced), and the uncommitted row keeps a second publish of the same
                // content waiting. A kill -9 before the commit reaches the disk can still leave one behind.
                store.insert(row, owner, () -> storage.artifacts().store(jar, row.sha256()));
            } catch (PluginStore.DuplicateException e) {
                afterDuplicate(row, jar, storedBefore);
                throw e;
            }
            storage.catalog().invalidate();
            return new PublishResult(row.name(), row.version(), row.sha256(), report.findings().stream()
                    .filter(f -> f.severity() != Severity.ERROR).map(f -> f.severity() + " " + f.rule() + ": "
                            + f.message()).toList());
        } catch (PluginStore.DuplicateException e) {
            throw new MarketplaceException(Reason.CONFLICT, e.getMessage() + "; a published version is never "
                    + "replaced. Publish a higher version.");
        } catch (PluginStore.NotOwnerException e) {
            // the name was free when checked above and claimed by another publisher before this upload was stored
            throw new MarketplaceException(Reason.CONFLICT, e.getMessage() + ", who published it a moment before "
                    + "you; nothing of yours was stored. Publish it under a name of your own.");
        } catch (IOException | SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    /**
     * A version refused as published already. When it is this very jar, its stored copy is put back if it was lost
     * or damaged (a node whose artifacts folder lost a jar gets it back so, and so do the seeds at start). When it
     * is other content, a copy of this jar that an earlier attempt of the same insert stored (it is tried again
     * when the database reports contention after the jar was stored) is taken away: no version can refer to it.
     */
    private void afterDuplicate(VersionRow row, Path jar, boolean storedBefore) throws SQLException, IOException {
        if (storage.store().sha256(row.name(), row.version()).filter(row.sha256()::equals).isPresent()) {
            storage.artifacts().store(jar, row.sha256());
        } else if (!storedBefore) {
            storage.artifacts().remove(row.sha256());
        }
    }

    /** The owner of a publishing token. */
    String owner(String token) throws MarketplaceException {
        if (!Tokens.wellFormed(token)) {
            throw new MarketplaceException(Reason.UNAUTHORIZED, "Publishing needs an API token (Authorization: "
                    + "Bearer mbt_…); ask the marketplace's admin for one (mb:market-token OWNER).");
        }
        try {
            return storage.store().tokenOwner(Tokens.hash(token)).orElseThrow(() -> new MarketplaceException(
                    Reason.UNAUTHORIZED, "The API token is not known to this marketplace."));
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    String createToken(String owner) throws MarketplaceException {
        if (owner == null || !Refusals.USER.matcher(owner).matches()) {
            throw Refusals.bad("The owner must be 1 to 100 letters, digits or . _ @ -.");
        }
        String token = Tokens.create();
        try {
            storage.store().addToken(Tokens.hash(token), owner);
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
        return token;
    }
}
