package org.milkbottle.marketplace.internal.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.milkbottle.api.PluginException;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.PluginSummary;
import org.milkbottle.marketplace.api.SearchPage;
import org.milkbottle.marketplace.api.SearchQuery;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** {@code mb:search TEXT [--tag T] [--capability C]} over every marketplace in use. */
@Component(service = SearchCommand.class)
@org.apache.felix.service.command.annotations.GogoCommand(scope = "mb", function = "search")
public class SearchCommand {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Reference
    private RepositoryResolver client;

    @Descriptor("search the marketplaces for plugins compatible with this runtime: name, latest compatible version, "
            + "rating, downloads, description")
    public String search(
            @Descriptor("only plugins with this tag") @Parameter(names = "--tag", absentValue = "") String tag,
            @Descriptor("only plugins with this capability") @Parameter(names = "--capability", absentValue = "")
            String capability,
            @Descriptor("words to look for in name, description, tags and capabilities (none: everything)")
            String... words) {
        String text = String.join(" ", words);
        SearchQuery query = new SearchQuery(text.isBlank() ? null : text, tag.isBlank() ? null : tag,
                capability.isBlank() ? null : capability, null, null, client.runtimeVersion(), null, 1, 50);
        Map<String, PluginSummary> found = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Repository repository : client.repositories()) {
            try {
                for (PluginSummary summary : search(repository, query).items()) {
                    found.putIfAbsent(summary.name(), summary);
                }
            } catch (PluginException | MarketplaceException e) {
                notes.add("repository '" + repository.name() + "': " + e.getMessage());
            }
        }
        StringBuilder out = new StringBuilder();
        if (found.isEmpty()) {
            out.append("No plugin matches").append(text.isBlank() ? "" : " '" + text + "'").append(".\n");
        } else {
            out.append(String.format("%-36s %-10s %-8s %-9s %s%n", "NAME", "VERSION", "RATING", "DOWNLOADS",
                    "DESCRIPTION"));
            for (PluginSummary s : found.values()) {
                out.append(String.format("%-36s %-10s %-8s %-9d %s%n", s.name(), s.version(),
                        s.ratingCount() == 0 ? "-" : String.format("%.1f (%d)", s.rating(), s.ratingCount()),
                        s.downloads(), s.description() == null ? "" : s.description()));
            }
            out.append("Install one with mb:install NAME.\n");
        }
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    private SearchPage search(Repository repository, SearchQuery query) throws MarketplaceException {
        if (repository.isLocal()) {
            return client.localMarketplace().search(query);
        }
        if (repository.isFolder()) {
            return new SearchPage(0, 1, 50, List.of()); // a folder index has no search API
        }
        StringBuilder url = new StringBuilder("../api/plugins?pageSize=50&runtime=").append(enc(query.runtimeVersion()));
        if (query.text() != null) {
            url.append("&q=").append(enc(query.text()));
        }
        if (query.tag() != null) {
            url.append("&tag=").append(enc(query.tag()));
        }
        if (query.capability() != null) {
            url.append("&capability=").append(enc(query.capability()));
        }
        URI uri = IndexSource.base(repository.url()).resolve(url.toString());
        try {
            return JSON.readValue(HttpGet.bytes(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                    uri, Duration.ofSeconds(30)), SearchPage.class);
        } catch (java.io.IOException e) {
            throw new PluginException("unreachable (" + HttpGet.describe(e) + ")");
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
