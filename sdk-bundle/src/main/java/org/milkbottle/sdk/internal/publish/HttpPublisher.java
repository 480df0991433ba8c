package org.milkbottle.sdk.internal.publish;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.milkbottle.sdk.api.PublishReceipt;
import org.milkbottle.sdk.api.Publisher;
import org.milkbottle.sdk.api.SdkException;
import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The {@link Publisher} over the JDK's HTTP client and the marketplace's JSON answers. */
@Component
public class HttpPublisher implements Publisher {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The marketplace validates the jar before it answers: allow it time for a large one. */
    static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a token may consist of: visible ASCII, nothing that could end or split an HTTP header. */
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    @Override
    public PublishReceipt publish(Path jar, URI marketplace, String token) throws SdkException {
        if (!Files.isRegularFile(jar)) {
            throw new SdkException(jar + " is not a file; give the plugin's jar, e.g. target/org.acme.notes.jar "
                    + "(mvn -q verify builds it). Nothing was published.");
        }
        if (token == null || token.isBlank()) {
            throw new SdkException("Publishing needs the marketplace's token for you: --token mbt_… (its admin makes "
                    + "one with mb:market-token OWNER). Nothing was published.");
        }
        if (!TOKEN.matcher(token.strip()).matches()) {
            // never echo it: a token is a secret, and a line break in it would end up in an HTTP header
            throw new SdkException("The token has characters no token has (spaces, line breaks, …); copy it again "
                    + "from where the marketplace's admin gave it to you. Nothing was published.");
        }
        URI endpoint = endpoint(marketplace);
        marketplace = withoutUserInfo(marketplace);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint).timeout(ANSWER_TIMEOUT)
                    .header("Authorization", "Bearer " + token.strip())
                    .header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofFile(jar)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable(marketplace, "nothing answers there", e);
        } catch (HttpTimeoutException e) {
            throw unreachable(marketplace, "it did not answer within " + ANSWER_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw unreachable(marketplace, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkException("Publishing was interrupted; the marketplace may or may not have the jar: "
                    + "mb:search it before trying again.", e);
        }
        return receipt(marketplace, response);
    }

    /** The address as it may be shown: without a user name and password in it. */
    static URI withoutUserInfo(URI address) {
        if (address.getRawUserInfo() == null) {
            return address;
        }
        return URI.create(address.getScheme() + "://" + address.getRawAuthority().substring(
                address.getRawAuthority().indexOf('@') + 1) + (address.getRawPath() == null ? "" : address.getRawPath()));
    }

    /** {@code http(s)://HOST[:PORT][/PATH]} → {@code …/api/plugins}. */
    static URI endpoint(URI marketplace) throws SdkException {
        if (marketplace == null || marketplace.getHost() == null
                || !("http".equals(marketplace.getScheme()) || "https".equals(marketplace.getScheme()))) {
            throw new SdkException("'" + (marketplace == null ? null : withoutUserInfo(marketplace)) + "' is not a "
                    + "marketplace address; give its http(s) address, "
                    + "e.g. --marketplace http://127.0.0.1:8180. Nothing was published.");
        }
        String base = marketplace.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/plugins");
    }

    static PublishReceipt receipt(URI marketplace, HttpResponse<String> response) throws SdkException {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (response.statusCode() == 201 && body != null && body.hasNonNull("name")) {
            List<String> findings = new ArrayList<>();
            body.path("findings").forEach(f -> findings.add(f.asText()));
            return new PublishReceipt(marketplace, body.path("name").asText(), body.path("version").asText(),
                    body.path("sha256").asText(), findings);
        }
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
                : "HTTP " + response.statusCode() + " without the marketplace's JSON answer (is " + marketplace
                        + " a MilkBottle marketplace?)";
        int status = response.statusCode();
        String what = status == 401 || status == 403 ? "The marketplace refused the token"
                : status >= 500 ? "The marketplace failed" : "The marketplace refused the jar";
        throw new SdkException(what + ": " + message + (status >= 500 ? " Try again in a moment." : "")
                + " Nothing was published.");
    }

    private static SdkException unreachable(URI marketplace, String why, Exception cause) {
        return new SdkException("Could not reach the marketplace at " + marketplace + " (" + why + "); check the "
                + "address and that it runs. Nothing was published.", cause);
    }
}
