package org.milkbottle.marketplace.internal.server;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.SignedDocument;
import org.milkbottle.marketplace.internal.Json;
import org.milkbottle.marketplace.internal.store.PluginStore;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisoryRegistry;
import org.milkbottle.validation.api.Finding;
import org.milkbottle.validation.api.Severity;
import org.milkbottle.validation.api.ValidationReport;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The marketplace's advisories, kept in its store: published and listed here, served signed to the runtimes
 * that use this marketplace, checked against every upload straight from the store, and pushed into this
 * runtime's {@link AdvisoryRegistry} (source {@value #SOURCE}) whenever they change, for the plugins this
 * runtime installs.
 */
final class StoreAdvisories {

    static final String SOURCE = "marketplace:local";
    private static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    private static final Pattern PLUGIN = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final System.Logger LOG = System.getLogger(StoreAdvisories.class.getName());

    private final PluginStore store;
    private final IndexSigner signer;
    private final AdvisoryRegistry registry;

    StoreAdvisories(PluginStore store, IndexSigner signer, AdvisoryRegistry registry) {
        this.store = store;
        this.signer = signer;
        this.registry = registry;
    }

    Advisory publish(String plugin, String versions, String severity, String message) throws MarketplaceException {
        if (plugin == null || !PLUGIN.matcher(plugin).matches()) {
            throw Refusals.bad("The plugin must be a symbolic name (letters, digits, . _ -).");
        }
        try {
            VersionRange.valueOf(versions);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusals.bad("'" + versions + "' is not a version range; write e.g. [1.0,1.2.3).");
        }
        String level = severity == null ? null : severity.toLowerCase(Locale.ROOT);
        if (level == null || !SEVERITIES.contains(level)) {
            throw Refusals.bad("severity must be one of low, medium, high, critical.");
        }
        if (message == null || message.isBlank() || message.length() > 2000) {
            throw Refusals.bad("The message must say what is wrong and what to do, in at most 2000 characters.");
        }
        try {
            String id = store.addAdvisory(plugin, versions, level, message);
            push();
            return new Advisory(id, plugin, versions, level, message);
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    List<Advisory> all() throws MarketplaceException {
        try {
            return store.advisories().stream().map(a -> new Advisory(a[0], a[1], a[2], a[3], a[4])).toList();
        } catch (SQLException e) {
            throw Refusals.unavailable(e);
        }
    }

    /** {@link #all()} as JSON, signed with the index key: what runtimes fetch as {@code advisories.json}. */
    SignedDocument signed() throws MarketplaceException {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(all());
            return new SignedDocument(new String(json, StandardCharsets.UTF_8), signer.sign(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This runtime's validator learns of the store's advisories (a failure keeps the ones pushed before). */
    void push() {
        try {
            registry.publish(SOURCE, all());
        } catch (MarketplaceException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the marketplace's advisories for this runtime: "
                    + e.getMessage());
        }
    }

    /** With the marketplace stopped, nobody keeps its advisories current in this runtime. */
    void withdraw() {
        registry.withdraw(SOURCE);
    }

    /**
     * The report with this marketplace's own advisories for its plugin and version added, as the advisory
     * rule words them — whatever this runtime's registry was told.
     */
    ValidationReport withStoreAdvisories(ValidationReport report) throws MarketplaceException {
        List<Advisory> matched = report.symbolicName() == null ? List.of() : matching(report);
        if (matched.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        for (Advisory advisory : matched) {
            findings.add(new Finding("advisory.matched", advisory.blocking() ? Severity.ERROR : Severity.WARNING,
                    "is affected by advisory " + advisory.id() + " (" + advisory.severity() + ", versions "
                            + advisory.versions() + "): " + advisory.message(), advisory.id()));
        }
        return report.withFindings(findings);
    }

    /** The store's advisories for the report's version that the validator's report does not name already. */
    private List<Advisory> matching(ValidationReport report) throws MarketplaceException {
        Version version;
        try {
            version = Version.parseVersion(report.version() == null ? "0" : report.version());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        Set<String> named = new HashSet<>();
        report.findings().stream().filter(f -> f.rule().equals("advisory.matched")).forEach(f -> named.add(f.location()));
        return all().stream().filter(a -> a.plugin().equals(report.symbolicName()))
                .filter(a -> !named.contains(a.id())).filter(a -> {
                    try {
                        return VersionRange.valueOf(a.versions()).includes(version);
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                }).toList();
    }
}
