package org.milkbottle.repository.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkbottle.repository.api.PluginCatalog;
import org.milkbottle.repository.api.RepositoryException;
import org.milkbottle.repository.api.SearchHit;
import org.milkbottle.repository.api.SearchRequest;
import org.milkbottle.repository.api.SearchResult;

import com.sun.net.httpserver.HttpServer;

class SearchFanOutTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Queue<String> queries = new ConcurrentLinkedQueue<>();
    private IndexSource indexes;
    private final SearchFanOut search = new SearchFanOut(new Network(Duration.ofSeconds(2)), () -> "1.4.0");

    /** A marketplace in this runtime, as the marketplace bundle registers it. */
    private record Catalog(String name, List<SearchHit> hits, RuntimeException failure) implements PluginCatalog {
        @Override
        public List<SearchHit> search(SearchRequest request, String runtimeVersion) {
            if (failure != null) {
                throw failure;
            }
            return hits.stream().filter(h -> request.text() == null || h.name().contains(request.text())).toList();
        }
    }

    @BeforeEach
    void serve() throws IOException {
        indexes = new IndexSource(new Network(Duration.ofSeconds(2)), dir.resolve("cache"),
                TestIndexCaches.expiring(Duration.ofMinutes(5)),
                () -> "1.4.0");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/plugins", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            byte[] body = TestRepositories.utf8("{\"total\":2,\"page\":1,\"pageSize\":50,\"items\":["
                    + "{\"name\":\"acme.pdf\",\"version\":\"9.0.0\",\"rating\":1.0,\"ratingCount\":3,\"downloads\":1,"
                    + "\"description\":\"elsewhere\",\"tags\":[\"docs\"],\"updated\":\"2026-01-01T00:00:00Z\"},"
                    + "{\"name\":\"acme.chart\",\"version\":\"1.1.0\",\"rating\":5.0,\"ratingCount\":1,\"downloads\":42,"
                    + "\"description\":null}]}");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private IndexedRepository configured(String name, String url) {
        return new IndexedRepository(new ConfiguredRepository(name, url, null), indexes, load -> { });
    }

    private String marketplace() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repository/";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void catalogsInThisRuntimeThenMarketplacesThenFoldersTheFirstToNameAPluginWins() throws Exception {
        Path folder = dir.resolve("folder");
        Path chart = TestRepositories.bundle(folder, "acme.chart", "0.5.0", "Charts", null);
        Path maps = TestRepositories.bundle(folder, "acme.maps", "1.0.0", "Maps of places", null);
        Path newer = TestRepositories.bundle(folder, "acme.maps", "2.0.0", "Maps of places",
                "(&(milkbottle.runtime=milkbottle)(version>=2.0))");
        Files.write(folder.resolve("index.xml"), TestRepositories.index(folder, List.of(chart, maps, newer)));
        Catalog local = new Catalog("local", List.of(new SearchHit("acme.pdf", "1.0.0", 5.0, 1, 7, "PDF tools",
                "local")), null);

        SearchResult result = search.search(new SearchRequest(null, null, null), List.of(local),
                List.of(configured("remote", marketplace()), configured("folder", folder.toUri().toString())));

        assertThat(result.hits()).extracting(SearchHit::name, SearchHit::version, SearchHit::repository)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme.pdf", "1.0.0", "local"),
                        org.assertj.core.groups.Tuple.tuple("acme.chart", "1.1.0", "remote"),
                        org.assertj.core.groups.Tuple.tuple("acme.maps", "1.0.0", "folder"));
        assertThat(result.hits().get(1).ratingCount()).isEqualTo(1);
        assertThat(result.hits().get(1).downloads()).isEqualTo(42);
        assertThat(result.hits().get(1).description()).isNull();
        assertThat(result.hits().get(2).description()).isEqualTo("Maps of places");
        assertThat(result.notes()).isEmpty();
        assertThat(queries).containsExactly("pageSize=50&runtime=1.4.0");
    }

    @Test
    void theWordsTagAndCapabilityGoToTheMarketplaceAndFoldersMatchWordsOnNameAndDescription() throws Exception {
        Path folder = dir.resolve("folder");
        Path maps = TestRepositories.bundle(folder, "acme.maps", "1.0.0", "Maps of places", null);
        Path chart = TestRepositories.bundle(folder, "acme.chart", "1.0.0", "Charts", null);
        Files.write(folder.resolve("index.xml"), TestRepositories.index(folder, List.of(maps, chart)));
        IndexedRepository folderRepository = configured("folder", folder.toUri().toString());

        SearchResult words = search.search(new SearchRequest("Places acme", null, null), List.of(),
                List.of(folderRepository));
        assertThat(words.hits()).extracting(SearchHit::name).containsExactly("acme.maps");

        search.search(new SearchRequest("pdf tools", "docs", "pdf & more"), List.of(),
                List.of(configured("remote", marketplace()), folderRepository));
        assertThat(queries).containsExactly("pageSize=50&runtime=1.4.0&q=pdf+tools&tag=docs&capability=pdf+%26+more");
        assertThat(search.search(new SearchRequest(null, "docs", null), List.of(), List.of(folderRepository)).hits())
                .as("a folder has no tags").isEmpty();
    }

    @Test
    void repositoriesThatCannotAnswerBecomeNotesAndTheOthersStillAnswer() throws Exception {
        Catalog broken = new Catalog("local", List.of(), new RepositoryException("The search text is too long."));
        SearchResult result = search.search(new SearchRequest(null, null, null), List.of(broken),
                List.of(configured("gone", "http://127.0.0.1:" + closedPort() + "/repository/"),
                        configured("empty", dir.resolve("nothing-here").toUri().toString()),
                        configured("remote", marketplace())));

        assertThat(result.hits()).extracting(SearchHit::name).containsExactly("acme.pdf", "acme.chart");
        assertThat(result.notes()).containsExactly("repository 'local': The search text is too long.",
                "repository 'gone': Repository 'gone' is unreachable (connection refused) and no earlier copy of its "
                        + "index is kept. Check the network, or mb:repo-remove it.",
                "repository 'empty': Repository 'empty' is unreachable (" + dir.resolve("nothing-here")
                        .resolve("index.xml") + ") and no earlier copy of its index is kept. Check that the folder "
                        + "exists and holds an index.xml, or mb:repo-remove it.");
    }

    @Test
    void anUnreachableMarketplaceIsSearchedInTheIndexKeptOfItAndSaysSo() throws Exception {
        Path folder = dir.resolve("served");
        Path maps = TestRepositories.bundle(folder, "acme.maps", "1.0.0", "Maps of places", null);
        byte[] index = TestRepositories.index(folder, List.of(maps));
        KeyPair keys = TestRepositories.keys();
        server.createContext("/repository/index.xml", exchange -> {
            exchange.sendResponseHeaders(200, index.length);
            exchange.getResponseBody().write(index);
            exchange.close();
        });
        byte[] signature;
        try {
            signature = TestRepositories.utf8(TestRepositories.sign(keys, index));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/repository/index.xml.sig", exchange -> {
            exchange.sendResponseHeaders(200, signature.length);
            exchange.getResponseBody().write(signature);
            exchange.close();
        });
        // no expiry: every question fetches again, as with indexExpirySeconds=0
        IndexSource everyTime = new IndexSource(new Network(Duration.ofSeconds(2)), dir.resolve("cache-0"),
                TestIndexCaches.expiring(Duration.ZERO), () -> "1.4.0");
        IndexedRepository remote = new IndexedRepository(new ConfiguredRepository("remote", marketplace(),
                TestRepositories.pem(keys)), everyTime, load -> { });
        remote.index(); // installed from once: the index is kept
        server.stop(0);

        SearchResult result = search.search(new SearchRequest("maps", null, null), List.of(), List.of(remote));

        assertThat(result.hits()).extracting(SearchHit::name, SearchHit::ratingCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme.maps", 0));
        assertThat(result.notes()).singleElement().asString().startsWith("repository 'remote' is unreachable (")
                .contains("answered from its index from").contains("without ratings or downloads");
    }
}
