package org.milkbottle.marketplace.internal.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.PluginDetails;
import org.milkbottle.marketplace.api.PluginVersion;
import org.milkbottle.marketplace.api.PublishResult;
import org.milkbottle.marketplace.api.SearchPage;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.store.ArtifactFiles;
import org.milkbottle.marketplace.internal.store.Database;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.marketplace.internal.store.VersionRow;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.Provenance;
import org.milkbottle.validation.api.ValidationReport;
import org.milkbottle.validation.api.Validator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The marketplace: publishing through the validator into the JDBC store and the artifact files, and
 * the reads (search, details, index) served from an in-memory {@link Catalog} that follows the database.
 * Its advisories come from its store: a publish is checked against them directly, and they are pushed
 * into this runtime's {@link AdvisoryRegistry} (source {@value #ADVISORY_SOURCE}) at start and whenever
 * one is published here, for the plugins this runtime installs.
 */
@Component(service = Marketplace.class, configurationPid = MarketplaceConfig.PID)
@Designate(ocd = MarketplaceConfig.class)
public class MarketplaceImpl implements Marketplace {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.@-]{1,100}");
    private static final Set<String> SORTS = Set.of("relevance", "downloads", "rating", "updated", "name");
    private static final int MAX_REVIEW = 4000;
    static final String ADVISORY_SOURCE = "marketplace:local";

    private final Validator validator;
    private final AdvisoryRegistry advisoryRegistry;
    private final Database database;
    private final PluginStore store;
    private final ArtifactFiles artifacts;
    private final IndexSigner signer;
    private final CatalogFollower catalog;
    private final RepositoryIndex index = new RepositoryIndex();
    private final long maxUploadBytes;
    private volatile SignedIndex signedIndex;

    private record SignedIndex(long revision, byte[] xml, String signature) {
    }

    @Activate
    public MarketplaceImpl(BundleContext context, MarketplaceConfig config, @Reference Validator validator,
            @Reference AdvisoryRegistry advisoryRegistry,
            @Reference(name = "dataSourceFactory", cardinality = ReferenceCardinality.AT_LEAST_ONE,
                    policyOption = ReferencePolicyOption.GREEDY)
            List<Map.Entry<Map<String, Object>, DataSourceFactory>> dataSourceFactories)
            throws IOException, SQLException, GeneralSecurityException {
        this.validator = validator;
        this.advisoryRegistry = advisoryRegistry;
        Path folder = folder(context, config);
        String url = setting(config.jdbcUrl(), context, "milkbottle.marketplace.jdbc.url");
        Properties properties = new Properties();
        properties.put(DataSourceFactory.JDBC_URL, url.isBlank()
                ? "jdbc:h2:file:" + folder.resolve("db").resolve("marketplace").toAbsolutePath()
                        + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
                : url);
        String user = setting(config.jdbcUser(), context, "milkbottle.marketplace.jdbc.user");
        if (!user.isBlank()) {
            properties.put(DataSourceFactory.JDBC_USER, user);
            properties.put(DataSourceFactory.JDBC_PASSWORD, setting(config.jdbcPassword(), context,
                    "milkbottle.marketplace.jdbc.password"));
        }
        DataSourceFactory dataSourceFactory = JdbcDrivers.factoryFor(url, dataSourceFactories);
        this.database = new Database(dataSourceFactory.createDataSource(properties));
        this.store = new PluginStore(database);
        this.artifacts = new ArtifactFiles(folder.resolve("artifacts"));
        this.signer = new IndexSigner(folder);
        this.catalog = new CatalogFollower(store, config.catalogRefreshMillis());
        this.maxUploadBytes = config.maxUploadBytes();
        if (config.seedExamples()) {
            // on the activating thread, so that the first caller's search already finds them: publishing needs
            // the validator, and nothing the validator uses needs this marketplace
            Seeds.publish(context.getBundle(), this);
        }
        pushAdvisories();
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() {
        advisoryRegistry.withdraw(ADVISORY_SOURCE);
        database.close(); // an embedded H2 database closes with its component, not at JVM exit
    }

    /** A configuration value, or else the framework property of that name, or else empty. */
    private static String setting(String configured, BundleContext context, String property) {
        if (!configured.isBlank()) {
            return configured;
        }
        String value = context.getProperty(property);
        return value == null ? "" : value;
    }

    static Path folder(BundleContext context, MarketplaceConfig config) {
        if (!config.dataFolder().isBlank()) {
            return Path.of(config.dataFolder());
        }
        String data = context.getProperty("milkbottle.data");
        if (data == null || data.isBlank()) {
            return context.getDataFile("marketplace").toPath(); // no runtime data folder: the bundle's own area
        }
        return Path.of(data).resolve("marketplace");
    }

    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private static final Pattern ADVISORY_PLUGIN = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    @Override
    public org.milkbottle.validation.api.Advisory publishAdvisory(String plugin, String versions, String severity,
            String message) throws MarketplaceException {
        if (plugin == null || !ADVISORY_PLUGIN.matcher(plugin).matches()) {
            throw bad("The plugin must be a symbolic name (letters, digits, . _ -).");
        }
        try {
            org.osgi.framework.VersionRange.valueOf(versions);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad("'" + versions + "' is not a version range; write e.g. [1.0,1.2.3).");
        }
        if (severity == null || !SEVERITIES.contains(severity.toLowerCase(java.util.Locale.ROOT))) {
            throw bad("severity must be one of low, medium, high, critical.");
        }
        if (message == null || message.isBlank() || message.length() > 2000) {
            throw bad("The message must say what is wrong and what to do, in at most 2000 characters.");
        }
        try {
            String id = store.addAdvisory(plugin, versions, severity.toLowerCase(java.util.Locale.ROOT), message);
            pushAdvisories();
            return new org.milkbottle.validation.api.Advisory(id, plugin, versions,
                    severity.toLowerCase(java.util.Locale.ROOT), message);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public List<org.milkbottle.validation.api.Advisory> advisories() throws MarketplaceException {
        try {
            return store.advisories().stream().map(a -> new org.milkbottle.validation.api.Advisory(a[0], a[1], a[2],
                    a[3], a[4])).toList();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** This runtime's validator learns of the store's advisories (a failure keeps the ones pushed before). */
    private void pushAdvisories() {
        try {
            advisoryRegistry.publish(ADVISORY_SOURCE, advisories());
        } catch (MarketplaceException e) {
            System.getLogger(MarketplaceImpl.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot read the marketplace's advisories for this runtime: " + e.getMessage());
        }
    }

    /** The store's advisories for this version that the validator's report does not name already. */
    private List<Advisory> storeAdvisories(ValidationReport report) throws MarketplaceException {
        Version version;
        try {
            version = Version.parseVersion(report.version() == null ? "0" : report.version());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Set<String> named = new java.util.HashSet<>();
        report.findings().stream().filter(f -> f.rule().equals("advisory.matched")).forEach(f -> named.add(f.location()));
        return advisories().stream().filter(a -> a.plugin().equals(report.symbolicName()))
                .filter(a -> !named.contains(a.id())).filter(a -> {
                    try {
                        return org.osgi.framework.VersionRange.valueOf(a.versions()).includes(version);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                }).toList();
    }

    /** The report with this marketplace's own advisories added, as the advisory rule words them. */
    private ValidationReport withStoreAdvisories(ValidationReport report) throws MarketplaceException {
        List<Advisory> matched = report.symbolicName() == null ? List.of() : storeAdvisories(report);
        if (matched.isEmpty()) {
            return report;
        }
        List<Finding> findings = new java.util.ArrayList<>(report.findings());
        for (Advisory advisory : matched) {
            findings.add(new Finding("advisory.matched", advisory.blocking() ? Severity.ERROR : Severity.WARNING,
                    "is affected by advisory " + advisory.id() + " (" + advisory.severity() + ", versions "
                            + advisory.versions() + "): " + advisory.message(), advisory.id()));
        }
        return report.withFindings(findings);
    }

    @Override
    public String[] signedAdvisories() throws MarketplaceException {
        try {
            byte[] json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(advisories());
            return new String[] {new String(json, java.nio.charset.StandardCharsets.UTF_8), signer.sign(json)};
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public org.milkbottle.marketplace.api.Analytics analytics() throws MarketplaceException {
        try {
            Catalog current = catalog.current();
            PluginStore.DownloadTotals totals = store.downloadTotals();
            java.util.SortedMap<LocalDate, Long> perDay = new java.util.TreeMap<>();
            store.downloadsBy("on_day").forEach((day, count) -> perDay.put(LocalDate.parse(day), count));
            List<org.milkbottle.marketplace.api.Analytics.Top> top = totals.byPlugin().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(10).map(e -> new org.milkbottle.marketplace.api.Analytics.Top(e.getKey(), e.getValue()))
                    .toList();
            return new org.milkbottle.marketplace.api.Analytics(current.size(), current.rows().size(),
                    totals.byPlugin().values().stream().mapToLong(Long::longValue).sum(), perDay, top,
                    store.downloadsBy("runtime_version"));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public long maxUploadBytes() {
        return maxUploadBytes;
    }

    @Override
    public PublishResult publish(String token, Path jar) throws MarketplaceException {
        return publishAs(owner(token), jar);
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
            ValidationReport report = withStoreAdvisories(validator.validate(jar, new Provenance(
                    Provenance.Kind.MARKETPLACE_INDEX, "upload by " + owner, "published to this marketplace by "
                            + owner, List.of())));
            if (!report.approved() || report.symbolicName() == null || report.sha256() == null) {
                throw new MarketplaceException(Reason.INVALID_PLUGIN, "The jar did not pass validation: "
                        + String.join("; ", report.errors().stream().map(f -> f.message() + " [" + f.rule() + "]")
                                .toList()));
            }
            Optional<String> existingOwner = store.owner(report.symbolicName());
            if (existingOwner.isPresent() && !existingOwner.get().equals(owner)) {
                throw new MarketplaceException(Reason.FORBIDDEN, report.symbolicName() + " belongs to another "
                        + "publisher; publish it under a name of your own.");
            }
            VersionRow row = JarMetadata.read(jar, report.sha256(), report);
            artifacts.store(jar, report.sha256());
            store.insert(row, owner);
            catalog.invalidate();
            return new PublishResult(row.name(), row.version(), row.sha256(), report.findings().stream()
                    .filter(f -> f.severity() != Severity.ERROR).map(f -> f.severity() + " " + f.rule() + ": "
                            + f.message()).toList());
        } catch (PluginStore.DuplicateException e) {
            throw new MarketplaceException(Reason.CONFLICT, e.getMessage() + "; a published version is never "
                    + "replaced. Publish a higher version.");
        } catch (IOException | SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String authenticate(String token) throws MarketplaceException {
        return owner(token);
    }

    private String owner(String token) throws MarketplaceException {
        if (!Tokens.wellFormed(token)) {
            throw new MarketplaceException(Reason.UNAUTHORIZED, "Publishing needs an API token (Authorization: "
                    + "Bearer mbt_…); ask the marketplace's admin for one (mb:market token OWNER).");
        }
        try {
            return store.tokenOwner(Tokens.hash(token)).orElseThrow(() -> new MarketplaceException(
                    Reason.UNAUTHORIZED, "The API token is not known to this marketplace."));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public SearchPage search(SearchQuery query) throws MarketplaceException {
        check(query);
        return catalog.current().search(query);
    }

    static void check(SearchQuery query) throws MarketplaceException {
        if (query.text() != null && query.text().length() > 200) {
            throw bad("The search text is longer than 200 characters.");
        }
        if (query.page() < 1 || query.pageSize() < 1 || query.pageSize() > 100) {
            throw bad("page must be 1 or more and pageSize between 1 and 100.");
        }
        if (query.sort() != null && !SORTS.contains(query.sort())) {
            throw bad("sort must be one of " + SORTS + ".");
        }
        if (query.minRating() != null && (query.minRating() < 0 || query.minRating() > 5 || query.minRating().isNaN())) {
            throw bad("minRating must be between 0 and 5.");
        }
        if (query.runtimeVersion() != null) {
            version(query.runtimeVersion(), "runtime");
        }
    }

    @Override
    public Optional<PluginDetails> plugin(String name) {
        Catalog.Entry entry = catalog.current().entry(name);
        if (entry == null) {
            return Optional.empty();
        }
        try {
            Map<String, Long> downloads = store.downloadsByVersion(name);
            List<PluginVersion> versions = entry.versions().stream().map(r -> new PluginVersion(r.version(),
                    r.sha256(), r.size(), r.published(), r.runtimeFilter(), r.permissions(), r.dependencies(),
                    r.validation(), downloads.getOrDefault(r.version(), 0L))).toList();
            VersionRow latest = entry.latest();
            return Optional.of(new PluginDetails(Catalog.summary(entry, latest), latest.license(), latest.contact(),
                    latest.docUrl(), latest.scmUrl(), entry.owner(), versions, store.reviews(name)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public java.util.SortedMap<LocalDate, Long> downloadsPerDay(String name) throws MarketplaceException {
        try {
            return store.downloadsPerDay(name);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public void rate(String name, String user, int stars, String review) throws MarketplaceException {
        if (name == null || catalog.current().entry(name) == null) {
            throw new MarketplaceException(Reason.NOT_FOUND, "There is no plugin named '" + name + "'.");
        }
        if (user == null || !USER.matcher(user).matches()) {
            throw bad("user must be 1 to 100 letters, digits or . _ @ -.");
        }
        if (stars < 1 || stars > 5) {
            throw bad("stars must be a whole number from 1 to 5; it was " + stars + ".");
        }
        if (review != null && review.length() > MAX_REVIEW) {
            throw bad("A review may have at most " + MAX_REVIEW + " characters.");
        }
        try {
            store.rate(name, user, stars, review == null ? "" : review);
            catalog.invalidate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Path> download(String sha256, String runtimeVersion) throws MarketplaceException {
        if (!ArtifactFiles.isSha256(sha256)) {
            throw bad("An artifact is named by its SHA-256: 64 lower-case hex digits.");
        }
        String runtime = runtimeVersion == null ? "unknown" : version(runtimeVersion, "runtime").toString();
        Optional<Path> file = artifacts.find(sha256);
        Optional<VersionRow> row = catalog.current().bySha(sha256);
        if (file.isEmpty() || row.isEmpty()) {
            return Optional.empty();
        }
        try {
            store.countDownload(row.get().name(), row.get().version(), LocalDate.now(), runtime);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return file;
    }

    @Override
    public byte[] index() {
        return signed().xml();
    }

    @Override
    public String indexSignature() {
        return signed().signature();
    }

    private SignedIndex signed() {
        Catalog current = catalog.current();
        SignedIndex cached = signedIndex;
        if (cached != null && cached.revision() == catalog.revision()) {
            return cached;
        }
        long revision = catalog.revision();
        Map<String, Path> files = new HashMap<>();
        for (VersionRow row : current.rows()) {
            artifacts.find(row.sha256()).ifPresent(file -> files.put(row.sha256(), file));
        }
        try {
            byte[] xml = index.write(files, revision);
            SignedIndex fresh = new SignedIndex(revision, xml, signer.sign(xml));
            signedIndex = fresh;
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the index: " + e.getMessage(), e);
        }
    }

    @Override
    public String publicKey() {
        return signer.publicKeyPem();
    }

    @Override
    public String createToken(String owner) throws MarketplaceException {
        if (owner == null || !USER.matcher(owner).matches()) {
            throw bad("The owner must be 1 to 100 letters, digits or . _ @ -.");
        }
        String token = Tokens.create();
        try {
            store.addToken(Tokens.hash(token), owner);
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return token;
    }

    private static Version version(String text, String what) throws MarketplaceException {
        try {
            if (text.length() > 64) {
                throw new IllegalArgumentException("too long");
            }
            return Version.parseVersion(text);
        } catch (IllegalArgumentException e) {
            throw bad("'" + text + "' is not a " + what + " version (like 1.2.0).");
        }
    }

    private static MarketplaceException bad(String message) {
        return new MarketplaceException(Reason.BAD_REQUEST, message);
    }

    private static MarketplaceException unavailable(Exception e) {
        return new MarketplaceException(Reason.UNAVAILABLE, "The marketplace's storage failed (" + e.getMessage()
                + "); nothing was changed. Try again later.", e);
    }
}
