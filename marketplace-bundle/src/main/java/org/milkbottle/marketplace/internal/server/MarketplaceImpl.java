package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.milkbottle.api.backup.BackupParticipant;
import org.milkbottle.marketplace.api.Analytics;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.PluginDetails;
import org.milkbottle.marketplace.api.PublishResult;
import org.milkbottle.marketplace.api.SearchPage;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.api.SignedDocument;
import org.milkbottle.marketplace.internal.local.ArtifactCatalog;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.BundleContext;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The marketplace, put together from its parts: {@link Publishing} (tokens, uploads through the
 * validator), {@link CatalogQueries} (search, details, ratings, downloads, analytics), {@link StoreAdvisories}
 * (kept in the store, signed for other runtimes, pushed into this one's {@link AdvisoryRegistry}) and
 * {@link SignedIndex} (the published artifacts as resources and as the signed R5 index).
 *
 * <p>Opening the storage and publishing the seeds (through the validator) take a while, so activation only
 * starts them on a thread of their own and returns: a runtime embedding the marketplace gets its prompt
 * without waiting. A call that arrives before they are done waits for them; nothing they need calls back
 * into the marketplace.
 */
@Component(service = {Marketplace.class, ArtifactCatalog.class, HealthCheck.class, BackupParticipant.class},
        configurationPid = MarketplaceConfig.PID,
        property = {HealthCheck.NAME + "=marketplace store", HealthCheck.TAGS + "=ready"})
@Designate(ocd = MarketplaceConfig.class)
public class MarketplaceImpl implements Marketplace, ArtifactCatalog, HealthCheck, BackupParticipant {

    private static final System.Logger LOG = System.getLogger(MarketplaceImpl.class.getName());

    /** The parts, once the storage is open. */
    private record Parts(Storage storage, Publishing publishing, CatalogQueries catalog, StoreAdvisories advisories,
            SignedIndex index) {
    }

    private final long maxUploadBytes;
    private final CompletableFuture<Parts> parts;
    /** The embedded database's folder relative to MilkBottle's data folder, or null (PostgreSQL, or elsewhere). */
    private final String embeddedDatabase;

    /**
     * The JDBC drivers there are. Dynamic: a driver that comes after the marketplace has started (a node has H2's
     * and PostgreSQL's) must not restart it — a restart closed the store under a command that was using it. The
     * start waits for the driver its URL needs ({@link Storage#open}).
     */
    @Reference(name = "dataSourceFactory", cardinality = ReferenceCardinality.AT_LEAST_ONE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<Map.Entry<Map<String, Object>, DataSourceFactory>> dataSourceFactories;

    @Activate
    public MarketplaceImpl(BundleContext context, MarketplaceConfig config, @Reference Validator validator,
            @Reference AdvisoryRegistry advisoryRegistry) {
        this.maxUploadBytes = config.maxUploadBytes();
        this.embeddedDatabase = embeddedDatabase(context, config);
        Executor starter = task -> {
            Thread thread = new Thread(task, "milkbottle-marketplace-start");
            thread.setDaemon(true);
            thread.start();
        };
        this.parts = CompletableFuture.supplyAsync(() -> start(context, config, validator, advisoryRegistry),
                starter);
        parts.whenComplete((started, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.ERROR, "The marketplace cannot start: " + cause(failure).getMessage(),
                        cause(failure));
            }
        });
    }

    private Parts start(BundleContext context, MarketplaceConfig config, Validator validator,
            AdvisoryRegistry advisoryRegistry) {
        Storage storage;
        try {
            // DS sets the field once the constructor has returned: read it only here, on the start thread
            storage = Storage.open(context, config, () -> dataSourceFactories);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
        StoreAdvisories advisories = new StoreAdvisories(storage.store(), storage.signer(), advisoryRegistry);
        Publishing publishing = new Publishing(validator, storage, advisories, config.maxUploadBytes());
        if (config.seedExamples()) {
            Seeds.publish(context.getBundle(), publishing);
        }
        advisories.push();
        return new Parts(storage, publishing, new CatalogQueries(storage), advisories, new SignedIndex(storage));
    }

    @Deactivate
    void deactivate() {
        // a start still running finishes first, so that nothing it opens is left open
        Parts started = parts.handle((done, failure) -> done).join();
        if (started != null) {
            started.advisories().withdraw();
            started.storage().close();
        }
    }

    /** The parts, waiting for the start if it is still running. */
    private Parts parts() throws MarketplaceException {
        try {
            return parts.join();
        } catch (CompletionException | CancellationException e) {
            throw new MarketplaceException(Reason.UNAVAILABLE, "The marketplace could not open its storage ("
                    + cause(e).getMessage() + "); see the log, fix the configuration and restart it.", cause(e));
        }
    }

    /** For the methods that cannot say {@link MarketplaceException}. */
    private Parts started() {
        try {
            return parts();
        } catch (MarketplaceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String embeddedDatabase(BundleContext context, MarketplaceConfig config) {
        String data = context.getProperty("milkbottle.data");
        if (!config.jdbcUrl().isBlank() || context.getProperty("milkbottle.marketplace.jdbc.url") != null
                || data == null || data.isBlank()) {
            return null;
        }
        Path database = Storage.folder(context, config).toAbsolutePath().resolve("db");
        Path folder = Path.of(data).toAbsolutePath();
        return database.startsWith(folder) ? folder.relativize(database).toString().replace('\\', '/') : null;
    }

    /** The embedded H2 database's folder, which the plain copy of the data folder must leave to {@link #backup}. */
    @Override
    public List<String> paths() {
        return embeddedDatabase == null ? List.of() : List.of(embeddedDatabase);
    }

    /** A consistent copy of the embedded database into the backup's image (H2's BACKUP TO, online). */
    @Override
    public void backup(Path image) throws IOException {
        if (embeddedDatabase == null) {
            return;
        }
        Parts started;
        try {
            started = parts();
        } catch (MarketplaceException e) {
            throw new IOException(e.getMessage(), e);
        }
        StoreBackup.write(started.storage().database(), image.resolve(embeddedDatabase));
    }

    /**
     * Readiness (the health check "marketplace store", tag {@code ready}): the store is open and its database
     * answers a query now; while it opens, temporarily unavailable. Never waits for the start.
     */
    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        if (!parts.isDone()) {
            log.temporarilyUnavailable("The marketplace is opening its store.");
            return new Result(log);
        }
        Parts started = parts.handle((done, failure) -> done).join();
        if (started == null) {
            Throwable failure = parts.handle((done, error) -> error).join();
            log.critical("The marketplace could not open its store: {}. See the log, fix the configuration and "
                    + "restart it.", cause(failure).getMessage());
            return new Result(log);
        }
        try {
            log.info("The store answers (schema version {}).", started.storage().database().schemaVersion());
        } catch (SQLException | RuntimeException e) {
            log.critical("The marketplace's database does not answer: {}. Check that it runs and is reachable.",
                    e.getMessage());
        }
        return new Result(log);
    }

    @Override
    public PublishResult publish(String token, Path jar) throws MarketplaceException {
        return parts().publishing().publish(token, jar);
    }

    @Override
    public Path newUpload() throws IOException, MarketplaceException {
        return parts().storage().artifacts().newUpload();
    }

    @Override
    public String authenticate(String token) throws MarketplaceException {
        return parts().publishing().owner(token);
    }

    @Override
    public String createToken(String owner) throws MarketplaceException {
        return parts().publishing().createToken(owner);
    }

    @Override
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    @Override
    public SearchPage search(SearchQuery query) throws MarketplaceException {
        return parts().catalog().search(query);
    }

    @Override
    public long searchRevision() throws MarketplaceException {
        return parts().catalog().searchRevision();
    }

    @Override
    public Optional<PluginDetails> plugin(String name) {
        return started().catalog().plugin(name);
    }

    @Override
    public void rate(String name, String user, int stars, String review) throws MarketplaceException {
        parts().catalog().rate(name, user, stars, review);
    }

    @Override
    public Optional<Path> download(String sha256, String runtimeVersion) throws MarketplaceException {
        return parts().catalog().download(sha256, runtimeVersion);
    }

    @Override
    public SortedMap<LocalDate, Long> downloadsPerDay(String name) throws MarketplaceException {
        return parts().catalog().downloadsPerDay(name);
    }

    @Override
    public Map<String, SortedMap<LocalDate, Long>> downloadsPerVersion(String name) throws MarketplaceException {
        return parts().catalog().downloadsPerVersion(name);
    }

    @Override
    public Analytics analytics() throws MarketplaceException {
        return parts().catalog().analytics();
    }

    @Override
    public Advisory publishAdvisory(String plugin, String versions, String severity, String message)
            throws MarketplaceException {
        return parts().advisories().publish(plugin, versions, severity, message);
    }

    @Override
    public List<Advisory> advisories() throws MarketplaceException {
        return parts().advisories().all();
    }

    @Override
    public SignedDocument signedAdvisories() throws MarketplaceException {
        return parts().advisories().signed();
    }

    @Override
    public byte[] index() {
        return started().index().xml();
    }

    @Override
    public String indexSignature() {
        return started().index().signature();
    }

    @Override
    public String publicKey() {
        return started().index().publicKey();
    }

    @Override
    public List<Resource> resources() {
        return started().index().resources();
    }
}
