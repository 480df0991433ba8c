package org.milkbottle.marketplace.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.milkbottle.api.PluginException;
import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.validation.api.Advisory;
import org.milkbottle.validation.api.AdvisorySource;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The advisories of the marketplaces this runtime uses, for the validator: fetched with the same
 * signature check as their indexes, cached (Caffeine) for the index expiry, and kept from the last
 * good fetch while a marketplace is unreachable — so a check never waits on the network twice in a row.
 */
@Component(service = AdvisorySource.class, configurationPid = RepositoryClientConfig.PID)
public class MarketplaceAdvisories implements AdvisorySource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(MarketplaceAdvisories.class.getName());

    /**
     * Fetched when advisories are asked for, not when this component starts: the repository client
     * starts the local marketplace, whose validator starts this — holding the client directly would
     * make that chain a circle.
     */
    private final ComponentServiceObjects<RepositoryResolver> clients;
    private final Cache<String, List<Advisory>> cache;
    private final Map<String, List<Advisory>> lastGood = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final Duration timeout;

    @Activate
    public MarketplaceAdvisories(RepositoryClientConfig config,
            @Reference ComponentServiceObjects<RepositoryResolver> clients) {
        this.clients = clients;
        this.timeout = Duration.ofSeconds(Math.min(config.timeoutSeconds(), 10));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.cache = Caffeine.newBuilder().expireAfterWrite(Math.max(1, config.indexExpirySeconds()), TimeUnit.SECONDS)
                .build();
    }

    @Override
    public List<Advisory> advisories() {
        RepositoryResolver client = clients.getService();
        try {
            return advisories(client);
        } finally {
            clients.ungetService(client);
        }
    }

    private List<Advisory> advisories(RepositoryResolver client) {
        List<Advisory> all = new ArrayList<>();
        for (Repository repository : client.repositories()) {
            if (repository.isLocal()) {
                Marketplace local = client.localMarketplace();
                try {
                    all.addAll(local == null ? List.of() : local.advisories());
                } catch (MarketplaceException e) {
                    LOG.log(System.Logger.Level.WARNING, "Cannot read the local marketplace's advisories: "
                            + e.getMessage());
                }
            } else if (!repository.isFolder()) {
                all.addAll(cache.get(repository.name(), name -> fetch(repository)));
            }
        }
        return all;
    }

    private List<Advisory> fetch(Repository repository) {
        URI base = IndexSource.base(repository.url());
        try {
            byte[] json = get(base.resolve("advisories.json"));
            String signature = new String(get(base.resolve("advisories.json.sig")), StandardCharsets.US_ASCII);
            IndexVerifier.verify(repository.name(), json, signature, repository.publicKey());
            List<Advisory> advisories = JSON.readValue(json, new TypeReference<List<Advisory>>() { });
            lastGood.put(repository.name(), advisories);
            return advisories;
        } catch (IOException | PluginException e) {
            LOG.log(System.Logger.Level.WARNING, "Advisories of repository '" + repository.name() + "' unavailable ("
                    + (e instanceof IOException io ? HttpGet.describe(io) : e.getMessage())
                    + "); using the last ones fetched");
            return lastGood.getOrDefault(repository.name(), List.of());
        }
    }

    private byte[] get(URI uri) throws IOException {
        return HttpGet.bytes(http, uri, timeout);
    }
}
