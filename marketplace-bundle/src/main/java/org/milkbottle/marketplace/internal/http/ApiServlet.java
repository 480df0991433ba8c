package org.milkbottle.marketplace.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.milkbottle.marketplace.api.Marketplace;
import org.milkbottle.marketplace.api.MarketplaceException;
import org.milkbottle.marketplace.api.MarketplaceException.Reason;
import org.milkbottle.marketplace.api.SearchQuery;
import org.milkbottle.marketplace.internal.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.milkbottle.perf.api.CacheManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The JSON API ({@code /api/…}, see docs/marketplace-api.md): search, details, publish, ratings and
 * download statistics. Thin over {@link Marketplace}; every refusal is a 4xx with a JSON error.
 */
@Component(service = Servlet.class, property = {"osgi.http.whiteboard.servlet.pattern=/api/*",
    "osgi.http.whiteboard.servlet.name=milkbottle-marketplace-api"})
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final long MAX_JSON_BYTES = 64 * 1024;

    @Reference
    private transient Marketplace marketplace;

    private final transient SearchAnswers answers = new SearchAnswers();

    /** The marketplace bundle's caches (the perf bundle): search answers are kept there when it is present. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindCaches(CacheManager caches) {
        answers.use(caches);
    }

    void unbindCaches(CacheManager caches) {
        answers.release();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String[] path = path(request);
            if (path.length == 1 && path[0].equals("plugins")) {
                long start = System.nanoTime();
                SearchQuery query = query(request);
                SearchAnswers.Key key = SearchAnswers.key(marketplace.searchRevision(), query);
                byte[] body = answers.find(key).orElse(null);
                if (body == null) {
                    body = answers.keep(key, marketplace.search(query));
                }
                // the time spent answering (a kept answer or a search and its rendering), in ms
                response.setHeader("Server-Timing", String.format(Locale.ROOT, "search;dur=%.3f",
                        (System.nanoTime() - start) / 1e6));
                JsonResponses.sendJson(response, 200, body);
            } else if (path.length == 1 && path[0].equals("advisories")) {
                JsonResponses.send(response, 200, marketplace.advisories());
            } else if (path.length == 1 && path[0].equals("analytics")) {
                JsonResponses.send(response, 200, marketplace.analytics());
            } else if (path.length == 2 && path[0].equals("plugins")) {
                JsonResponses.send(response, 200, marketplace.plugin(name(path[1])).orElseThrow(() -> notFound(path[1])));
            } else if (path.length == 3 && path[0].equals("plugins") && path[2].equals("downloads")) {
                String name = name(path[1]);
                marketplace.plugin(name).orElseThrow(() -> notFound(name));
                JsonResponses.send(response, 200, Map.of("name", name, "perDay", marketplace.downloadsPerDay(name),
                        "perVersion", marketplace.downloadsPerVersion(name)));
            } else {
                throw new MarketplaceException(Reason.NOT_FOUND, "No such API path; see docs/marketplace-api.md.");
            }
        } catch (MarketplaceException e) {
            JsonResponses.error(response, e);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("POST")) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD, POST");
        JsonResponses.error(response, 405, "METHOD_NOT_ALLOWED", method + " is not supported here; the API reads "
                + "with GET and writes with POST (see docs/marketplace-api.md).");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String[] path = path(request);
            if (path.length == 1 && path[0].equals("plugins")) {
                publish(request, response);
            } else if (path.length == 3 && path[0].equals("plugins") && path[2].equals("ratings")) {
                rate(name(path[1]), request, response);
            } else {
                throw new MarketplaceException(Reason.NOT_FOUND, "No such API path; see docs/marketplace-api.md.");
            }
        } catch (MarketplaceException e) {
            JsonResponses.error(response, e);
        } catch (BoundedBody.ClientGone e) {
            // Nothing was stored: a publish reads its whole body before it checks anything. A client that only
            // half-closed its socket still reads, and must not take the silence for a 200 OK.
            System.getLogger(ApiServlet.class.getName()).log(System.Logger.Level.DEBUG, e.getMessage());
            answerCutBody(request, response, e.received);
        }
    }

    private static void answerCutBody(HttpServletRequest request, HttpServletResponse response, long received) {
        if (response.isCommitted()) {
            return;
        }
        long announced = request.getContentLengthLong();
        try {
            JsonResponses.error(response, 400, "INCOMPLETE_BODY", "The request body ended after "
                    + BoundedBody.bytes(received)
                    + (announced >= 0 ? " of the " + announced + " its Content-Length announced"
                            : ", before the last chunk of its chunked encoding")
                    + ": nothing was stored. Send the whole request again.");
            response.flushBuffer();
        } catch (IOException | IllegalStateException gone) {
            // the connection is closed both ways: there is nobody left to tell
        }
    }

    private void publish(HttpServletRequest request, HttpServletResponse response)
            throws IOException, MarketplaceException {
        String authorization = request.getHeader("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).trim() : null;
        marketplace.authenticate(token); // before a byte of the body is stored
        long limit = marketplace.maxUploadBytes();
        if (request.getContentLengthLong() > limit) {
            throw new MarketplaceException(Reason.TOO_LARGE, "The jar has " + request.getContentLengthLong()
                    + " bytes; the marketplace accepts at most " + limit + ".");
        }
        Path upload = marketplace.newUpload();
        try {
            try (OutputStream out = Files.newOutputStream(upload)) {
                BoundedBody.copy(request.getInputStream(), out, limit);
            }
            JsonResponses.send(response, 201, marketplace.publish(token, upload));
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private void rate(String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException, MarketplaceException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(BoundedBody.read(request.getInputStream(), MAX_JSON_BYTES));
        } catch (JsonProcessingException e) {
            throw bad("The body is not valid JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw bad("The body must be a JSON object like {\"user\": \"ann\", \"stars\": 5, \"review\": \"…\"}.");
        }
        JsonNode user = body.get("user");
        JsonNode stars = body.get("stars");
        JsonNode review = body.get("review");
        if (user == null || !user.isTextual()) {
            throw bad("'user' is missing or not a string.");
        }
        if (stars == null || !stars.isInt()) {
            throw bad("'stars' is missing or not a whole number.");
        }
        if (review != null && !review.isNull() && !review.isTextual()) {
            throw bad("'review' must be a string.");
        }
        marketplace.rate(name, user.asText(), stars.asInt(), review == null || review.isNull() ? null : review.asText());
        JsonResponses.send(response, 200, marketplace.plugin(name).orElseThrow(() -> notFound(name)).summary());
    }

    private static SearchQuery query(HttpServletRequest request) throws MarketplaceException {
        return new SearchQuery(request.getParameter("q"), request.getParameter("tag"),
                request.getParameter("capability"), request.getParameter("vendor"),
                number(request, "minRating", null), request.getParameter("runtime"), request.getParameter("sort"),
                number(request, "page", 1.0).intValue(), number(request, "pageSize", 20.0).intValue());
    }

    private static Double number(HttpServletRequest request, String name, Double fallback) throws MarketplaceException {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            if (Math.abs(number) > 1e9) {
                throw bad("'" + name + "' is out of range (" + value + ").");
            }
            return number;
        } catch (NumberFormatException e) {
            throw bad("'" + name + "' must be a number.");
        }
    }

    private static String[] path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return new String[0];
        }
        return info.substring(1).split("/", -1);
    }

    /** A plugin name from the URL: a bundle symbolic name, nothing that could name a file or escape a path. */
    static String name(String text) throws MarketplaceException {
        if (!NAME.matcher(text).matches() || text.contains("..")) {
            throw bad("'" + text + "' is not a plugin name (letters, digits, . _ - only).");
        }
        return text;
    }

    private static MarketplaceException notFound(String name) {
        return new MarketplaceException(Reason.NOT_FOUND, "There is no plugin named '" + name + "'.");
    }

    private static MarketplaceException bad(String message) {
        return new MarketplaceException(Reason.BAD_REQUEST, message);
    }
}
