package org.milkbottle.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.milkbottle.itests.hostile.LooksForTheHttpService;
import org.milkbottle.itests.hostile.MovesToTheRuntimesPath;
import org.milkbottle.itests.hostile.PreprocessesEveryRequest;
import org.milkbottle.itests.hostile.SeesEveryRequest;
import org.milkbottle.itests.hostile.ServesInTheRuntimesPlace;
import org.milkbottle.itests.hostile.TakesTheDefaultContext;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;

/**
 * Plugins on the runtime's web server, as an attacker writes them: no permission declared (none is needed to offer
 * a service), each ranked above the runtime's own. A plugin serves under {@code /ITS-NAME/} and nowhere else; a
 * filter, a servlet context named like the default one, an error page, a servlet at the marketplace's API or at its
 * signed index would each have read publishers' tokens or answered in the marketplace's name.
 */
@RunWith(PaxExam.class)
public class WebServerConfinementIT extends MilkBottleTestSupport {

    private static final int PORT = freePort();
    private static final String HOSTILE = "X-Hostile";
    private final HttpClient http = HttpClient.newHttpClient();

    @Configuration
    @Override
    public Option[] configuration() throws IOException {
        return OptionUtils.combine(baseOptions(), marketplaceOptions(PORT));
    }

    @Test
    public void servletsAtTheRuntimesPathsAreNotServedAndAPluginsOwnPathIs() throws Exception {
        assertConfined(servlet("hostile.api", "/api/*"), servlet("hostile.index", "/repository/index.xml"),
                servlet("hostile.root", "/*"), servlet("hostile.dots", "/plugin/hostile.dots/../../api/*"),
                // named like the runtime's paths: a plugin's own path is under /plugin/, never its name at the top
                servlet("api", "/api/*"), servlet("app.js", "/app.js"));
    }

    /**
     * Plugins serve under /plugin/NAME/ because the runtime serves nothing of its own there: every pattern the
     * runtime's bundles give the whiteboard (servlets, resources, filters, error pages, contexts) lies elsewhere.
     */
    @Test
    public void theRuntimeServesNothingOfItsOwnUnderThePluginsPaths() throws Exception {
        await("the marketplace answers", () -> status("/api/plugins") == 200);
        ServiceReference<HttpServiceRuntime> reference = context.getServiceReference(HttpServiceRuntime.class);
        RuntimeDTO runtime = context.getService(reference).getRuntimeDTO();
        List<String> patterns = new ArrayList<>();
        for (ServletContextDTO servletContext : runtime.servletContextDTOs) {
            patterns.add(servletContext.contextPath + "/");
            Arrays.stream(servletContext.servletDTOs).forEach(servlet -> patterns.addAll(List.of(servlet.patterns)));
            Arrays.stream(servletContext.resourceDTOs).forEach(resource -> patterns.addAll(List.of(resource.patterns)));
            Arrays.stream(servletContext.filterDTOs).forEach(filter -> patterns.addAll(List.of(filter.patterns)));
        }
        assertTrue(patterns.toString(), patterns.contains("/api/*") && patterns.contains("/repository/*")
                && patterns.contains("/health") && patterns.contains("/metrics"));
        assertEquals(List.of(), patterns.stream().filter(p -> p.startsWith("/plugin/") || p.equals("/plugin")
                || p.startsWith("/plugin*")).toList());
        context.ungetService(reference);
    }

    /**
     * The HTTP service registers servlets at any path; Jetty's configuration service would let a plugin log every
     * request's Authorization header to a file. Both are hidden from plugins.
     */
    @Test
    public void aPluginFindsNeitherTheHttpServiceNorTheWebServersConfiguration() throws Exception {
        await("the marketplace answers", () -> status("/api/plugins") == 200);
        assertTrue("the runtime has one", context.getServiceReference("org.osgi.service.http.HttpService") != null);
        install(TestBundles.plugin("hostile.httpservice", "1.0.0").activator(LooksForTheHttpService.class)
                .addClass(LooksForTheHttpService.Answer.class).importPackage("jakarta.servlet")
                .importPackage("jakarta.servlet.http"));
        assertEquals("HttpService: null; Jetty's ManagedService: null", get("/plugin/hostile.httpservice/").body());
    }

    /**
     * The web server reads a service's properties when it handles the event, after the hook checked them: a plugin
     * that moves its servlet to the runtime's path from a listener that hears of a move first is stopped, and its
     * servlet goes with it.
     */
    @Test
    public void aPluginMovingItsServletToTheRuntimesPathIsStopped() throws Exception {
        await("the marketplace answers", () -> status("/api/plugins") == 200);
        TestBundles moves = TestBundles.plugin("hostile.moves", "1.0.0").activator(MovesToTheRuntimesPath.class)
                .addClass(ServesInTheRuntimesPlace.class).importPackage("jakarta.servlet")
                .importPackage("jakarta.servlet.http");
        // installed; stopped as it starts, or a moment later
        String installed = shell("mb:install " + moves.writeTo(work("web"), "hostile.moves.jar"));
        assertTrue(installed, installed.contains("Installed hostile.moves 1.0.0"));
        await("hostile.moves stopped", () -> bundle("hostile.moves").orElseThrow().getState() == Bundle.RESOLVED);
        HttpResponse<String> api = get("/api/plugins");
        assertRuntimeAnswered(api, 200);
        expectBody(api, "{\"");
        assertRuntimeAnswered(get("/plugin/hostile.moves/b/x"), 404);
        assertEquals("the runtime's requests are the runtime's alone", List.of(), breaches);
        assertTrue(shell("mb:list"), shell("mb:list").lines().anyMatch(line -> line.contains("hostile.moves")
                && !line.contains("ACTIVE")));
    }

    @Test
    public void filtersContextsPreprocessorsAndErrorPagesAreNotServedEvenUnderThePluginsOwnName() throws Exception {
        assertConfined(component("hostile.filter", SeesEveryRequest.class, "jakarta.servlet.Filter",
                "osgi.http.whiteboard.filter.pattern", "/*"),
                component("hostile.context", TakesTheDefaultContext.class,
                        "org.osgi.service.servlet.context.ServletContextHelper", "osgi.http.whiteboard.context.name",
                        "default", "osgi.http.whiteboard.context.path", "/"),
                // the framework compares property keys ignoring case
                component("hostile.case", SeesEveryRequest.class, "jakarta.servlet.Filter",
                        "OSGI.HTTP.WHITEBOARD.FILTER.PATTERN", "/*"),
                // no whiteboard property at all: the whiteboard takes a preprocessor by its type
                component("hostile.preprocessor", PreprocessesEveryRequest.class,
                        "org.osgi.service.servlet.whiteboard.Preprocessor"),
                // an error page under its own name is still an error page: it answers for the runtime's failures
                component("hostile.errors", ServesInTheRuntimesPlace.class, "jakarta.servlet.Servlet",
                        "osgi.http.whiteboard.servlet.pattern", "/plugin/hostile.errors/*",
                        "osgi.http.whiteboard.servlet.errorPage", "4xx"));
    }

    /**
     * Installs the hostile plugins and one that serves under its own name: all of them are installed and active
     * (offering a service needs no permission), the last one is served, and the runtime's requests reach the
     * runtime alone.
     */
    private void assertConfined(TestBundles... hostile) throws Exception {
        await("the marketplace answers", () -> status("/api/plugins") == 200);
        for (TestBundles plugin : hostile) {
            // the author is told at validation (here, the install) which component will not be served, and why
            String installed = install(plugin);
            assertTrue(installed, installed.contains("Warning: " + plugin.symbolicName()) && installed.contains(
                    "offers the runtime's web server a service it will not serve") && installed.contains(
                    "[web.not-served]"));
        }
        String own = install(servlet("web.own", "/plugin/web.own/*"));
        assertFalse(own, own.contains("web.not-served"));

        HttpResponse<String> served = get("/plugin/web.own/hello");
        assertEquals(served.body(), 200, served.statusCode());
        assertEquals("a plugin's servlet under its own name is served, by itself alone", List.of("servlet"),
                served.headers().allValues(HOSTILE));

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/plugins")))
                .header("Authorization", "Bearer mbt_" + "A".repeat(43)).build(), HttpResponse.BodyHandlers.ofString());
        assertRuntimeAnswered(api, 200);
        expectBody(api, "{\"");
        HttpResponse<String> index = get("/repository/index.xml");
        assertRuntimeAnswered(index, 200);
        expectBody(index, "<repository");
        assertRuntimeAnswered(get("/no/such/page"), 404);
        // the web page and the errors of the runtime's own servlets are the runtime's too
        assertRuntimeAnswered(get("/"), 200);
        HttpResponse<String> script = get("/app.js");
        assertRuntimeAnswered(script, 200);
        expectBody(script, "function");
        assertRuntimeAnswered(get("/api/plugins/no.such.plugin"), 404);
        for (TestBundles plugin : hostile) {
            assertRuntimeAnswered(get("/plugin/" + plugin.symbolicName() + "/anything"), 404);
        }
        assertEquals("the runtime's requests are the runtime's alone", List.of(), breaches);

        String list = shell("mb:list");
        for (TestBundles plugin : hostile) {
            String name = plugin.symbolicName();
            assertTrue("confined, not refused: " + name + "\n" + list, list.lines()
                    .anyMatch(line -> line.contains(name) && line.contains("ACTIVE")));
        }
    }

    /** Every request a plugin answered or saw, named with how (so that one run shows every route that got through). */
    private final List<String> breaches = new ArrayList<>();

    private void assertRuntimeAnswered(HttpResponse<String> response, int status) {
        response.headers().allValues(HOSTILE).forEach(how -> breaches.add(response.uri().getPath() + " by the "
                + "plugin's " + how));
        if (response.body().contains("answered by the plugin")) {
            breaches.add(response.uri().getPath() + ": " + response.body());
        }
        if (response.statusCode() != status) {
            breaches.add(response.uri().getPath() + " answered " + response.statusCode() + ", not " + status);
        }
    }

    private void expectBody(HttpResponse<String> response, String part) {
        if (!response.body().contains(part)) {
            breaches.add(response.uri().getPath() + " is not the runtime's answer: " + response.body());
        }
    }

    private TestBundles servlet(String name, String pattern) {
        return component(name, ServesInTheRuntimesPlace.class, "jakarta.servlet.Servlet",
                "osgi.http.whiteboard.servlet.pattern", pattern);
    }

    /** A plugin with no permissions whose component offers {@code service}, ranked above everything. */
    private static TestBundles component(String name, Class<?> type, String service, String... properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("service.ranking:Integer", String.valueOf(Integer.MAX_VALUE));
        for (int i = 0; i < properties.length; i += 2) {
            all.put(properties[i], properties[i + 1]);
        }
        return TestBundles.plugin(name, "1.0.0").serviceComponent(type, service, true, all)
                .importPackage("jakarta.servlet").importPackage("jakarta.servlet.http")
                .importPackage("org.osgi.service.servlet.context").importPackage("org.osgi.service.servlet.whiteboard");
    }

    /** Installs the plugin, which must be active, and returns what the install printed. */
    private String install(TestBundles plugin) throws Exception {
        String name = plugin.symbolicName();
        Path jar = plugin.writeTo(work("web"), name + ".jar");
        String installed = shell("mb:install " + jar);
        assertTrue(installed, installed.contains("ACTIVE"));
        return installed;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
